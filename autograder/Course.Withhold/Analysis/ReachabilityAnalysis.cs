using dnlib.DotNet;
using dnlib.DotNet.Emit;

namespace Course.Withhold.Analysis;

/// <summary>
/// Computes what an edition keeps. The roots are the contract (every member of every public type the policy does
/// not withhold, or the keep-only entries), the module initializer and the constructors of the assembly's own
/// attributes; from them the analysis follows every reference in IL (calls, <c>newobj</c>, <c>ldftn</c>, field
/// access, generic instantiations, hence closures, lambdas and state machines of kept methods), type initializers
/// of the types whose members are kept, and the virtual methods of every type a kept constructor creates (and of
/// every value type kept code names, since a struct exists without a constructor call), which is how interface
/// implementations and overrides stay.
/// </summary>
/// <remarks>
/// A reference from kept code to a withheld member is a breach, with one exception that is sound: an instance
/// member of a withheld class. Every constructor of that class is withheld, so no instance of it (or of a class
/// derived from it, whose constructor must call one of them) can exist to call the member on; such references
/// are reported as unrunnable. Abstract members have no body to withhold and are never breaches.
/// </remarks>
internal sealed class ReachabilityAnalysis
{
    private readonly ModuleDef _module;
    private readonly BoundPolicy _policy;
    private readonly LocalDefinitions _local;
    private readonly Dictionary<IMemberDef, IMemberDef?> _reachedFrom = [];
    private readonly Queue<IMemberDef> _work = new();
    private readonly HashSet<TypeDef> _initialised = [];
    private readonly HashSet<TypeDef> _instantiated = [];
    private readonly List<ContractBreach> _breaches = [];
    private readonly List<UnrunnableReference> _unrunnable = [];
    private readonly HashSet<IMemberDef> _named = [];

    private ReachabilityAnalysis(ModuleDef module, BoundPolicy policy)
    {
        _module = module;
        _policy = policy;
        _local = new LocalDefinitions(module);
    }

    /// <summary>Analyses <paramref name="module"/> under <paramref name="policy"/>.</summary>
    public static Reachability Analyze(ModuleDef module, BoundPolicy policy)
    {
        var analysis = new ReachabilityAnalysis(module, policy);
        foreach (var root in analysis.Roots())
        {
            analysis.Reference(null, root);
        }

        while (analysis._work.TryDequeue(out var member))
        {
            analysis.Visit(member);
        }

        return new Reachability(
            analysis._reachedFrom.Keys.OfType<MethodDef>().ToHashSet(),
            analysis._reachedFrom.Keys.OfType<FieldDef>().ToHashSet(),
            analysis._breaches.DistinctBy(b => b.ToString()).ToArray(),
            analysis._unrunnable.Distinct().ToArray(),
            analysis._named);
    }

    /// <summary>Whether code outside the assembly can name <paramref name="type"/>: public, or nested public or protected all the way out.</summary>
    public static bool IsSurface(TypeDef type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            bool visible = t.IsNested ? t.IsNestedPublic || t.IsNestedFamily || t.IsNestedFamilyOrAssembly : t.IsPublic;
            if (!visible)
            {
                return false;
            }
        }

        return true;
    }

    private IEnumerable<IMemberDef> Roots()
    {
        var contract = _policy.KeepOnly ?? _module.GetTypes()
            .Where(t => IsSurface(t) && _policy.TypeEntryOf(t) is null)
            .SelectMany(t => t.Methods.Cast<IMemberDef>().Concat(t.Fields))
            .Where(m => !_policy.WithheldMembers.ContainsKey(m) && !(m is MethodDef method && _policy.Forwarded.ContainsKey(method)));
        var moduleInitializer = _module.GlobalType?.FindStaticConstructor() is { } initializer ? [initializer] : Array.Empty<IMemberDef>();
        // The compiler's embedded attributes (Nullable, IsReadOnly, ...) are constructed whenever reflection reads
        // attributes, of withheld members as much as of kept ones.
        var attributes = AttributeHolders.Of(_module).SelectMany(h => h.CustomAttributes).SelectMany(AttributeMembers);
        return contract.Concat(moduleInitializer).Concat(attributes);
    }

    private IEnumerable<IMemberDef> AttributeMembers(CustomAttribute attribute)
    {
        if (_local.Method(attribute.Constructor) is not { } constructor)
        {
            yield break;
        }

        yield return constructor;
        foreach (var named in attribute.NamedArguments)
        {
            IMemberDef? target = named.IsField
                ? constructor.DeclaringType.FindField(named.Name)
                : constructor.DeclaringType.FindProperty(named.Name)?.SetMethod;
            if (target is not null)
            {
                yield return target;
            }
        }
    }

    private void Reference(IMemberDef? from, IMemberDef target)
    {
        if (_reachedFrom.ContainsKey(target) || (target is MethodDef method && _policy.Forwarded.ContainsKey(method)))
        {
            return;
        }

        if (_policy.EntryOf(target) is { } entry)
        {
            if (target is MethodDef { HasBody: false })
            {
                return;
            }

            if (IsInstanceMemberOfWithheldClass(target))
            {
                _named.Add(target);
                _unrunnable.Add(new UnrunnableReference(from is null ? "(root)" : MemberNames.WithSignature(from), MemberNames.WithSignature(target)));
                return;
            }

            _breaches.Add(new ContractBreach([.. PathTo(from), MemberNames.WithSignature(target)], entry));
            return;
        }

        _reachedFrom[target] = from;
        _work.Enqueue(target);
    }

    private bool IsInstanceMemberOfWithheldClass(IMemberDef member) =>
        member is MethodDef { IsStatic: false, IsConstructor: false } or FieldDef { IsStatic: false }
        && member.DeclaringType is { IsInterface: false, IsValueType: false } type
        && _policy.TypeEntryOf(type) is not null;

    private IEnumerable<string> PathTo(IMemberDef? member)
    {
        var path = new List<string>();
        for (var m = member; m is not null; m = _reachedFrom[m])
        {
            path.Add(MemberNames.WithSignature(m));
        }

        path.Reverse();
        return path;
    }

    private void Visit(IMemberDef member)
    {
        Initialise(member.DeclaringType, member);
        if (member is FieldDef field)
        {
            Use(_local.TypesIn(field.FieldSig?.Type), member);
            return;
        }

        var method = (MethodDef)member;
        if (method.IsInstanceConstructor)
        {
            Instantiate(method.DeclaringType, method);
        }

        Use(_local.TypesIn(method.MethodSig), method);
        Use(method.GenericParameters.SelectMany(p => p.GenericParamConstraints).SelectMany(c => _local.TypesIn(c.Constraint)), method);
        if (!method.HasBody)
        {
            return;
        }

        var body = method.Body;
        Use(body.Variables.SelectMany(v => _local.TypesIn(v.Type)), method);
        Use(body.ExceptionHandlers.SelectMany(h => _local.TypesIn(h.CatchType)), method);
        foreach (var instruction in body.Instructions)
        {
            Follow(method, instruction);
        }
    }

    private void Follow(MethodDef method, Instruction instruction)
    {
        switch (instruction.Operand)
        {
            case IMethod called when called.IsMethod:
                Use(_local.TypesIn(called), method);
                if (_local.Method(called) is { } target)
                {
                    Reference(method, target);
                }

                break;
            case IField accessed:
                Use(_local.TypesIn(accessed), method);
                if (_local.Field(accessed) is { } field)
                {
                    Reference(method, field);
                }

                break;
            case ITypeDefOrRef type:
                Use(_local.TypesIn(type), method);
                break;
            case MethodSig signature:
                Use(_local.TypesIn(signature), method);
                break;
        }
    }

    // A struct exists without a constructor call (default, arrays), so naming one is enough for its
    // Equals, GetHashCode, ToString and interface methods to be called (by EqualityComparer, say).
    private void Use(IEnumerable<TypeDef> types, IMemberDef from)
    {
        foreach (var type in types)
        {
            if (type.IsValueType && _policy.TypeEntryOf(type) is null)
            {
                Instantiate(type, from);
            }
        }
    }

    private void Initialise(TypeDef type, IMemberDef from)
    {
        if (_initialised.Add(type) && type.FindStaticConstructor() is { } initializer)
        {
            Reference(from, initializer);
        }
    }

    private void Instantiate(TypeDef type, IMemberDef from)
    {
        if (!_instantiated.Add(type))
        {
            return;
        }

        foreach (var method in type.Methods.Where(m => m.IsVirtual && m.HasBody))
        {
            Reference(from, method);
        }
    }
}
