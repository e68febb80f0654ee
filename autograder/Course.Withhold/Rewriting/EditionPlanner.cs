using Course.Withhold.Analysis;
using Course.Withhold.Policy;
using dnlib.DotNet;

namespace Course.Withhold.Rewriting;

/// <summary>
/// Decides each method's fate and what the edition removes. A type stays when code outside the assembly can name
/// it, when kept code uses it, or when anything that stays mentions it (a signature, a base type, an interface, a
/// constraint, an attribute, an override); everything else goes with all it holds. In a type that stays, a method
/// that is not kept is gutted if outside code can name it or a virtual slot needs it to load (an interface
/// implementation), and removed otherwise; a field stays if kept code uses it, outside code can name it, or it is
/// an instance field of a struct (a struct's fields decide what the compiler lets code do with it).
/// </summary>
internal static class EditionPlanner
{
    /// <summary>Plans the edition of <paramref name="module"/>.</summary>
    public static EditionPlan Plan(ModuleDef module, BoundPolicy policy, Reachability reach)
    {
        var local = new LocalDefinitions(module);
        var owners = Attribution(module, policy, reach, local);
        var retained = new HashSet<TypeDef>();
        var pending = new Queue<TypeDef>();

        void Retain(TypeDef type)
        {
            for (var t = type; t is not null; t = t.DeclaringType)
            {
                if (retained.Add(t))
                {
                    pending.Enqueue(t);
                }
            }
        }

        void RetainAll(IEnumerable<TypeDef> types)
        {
            foreach (var type in types)
            {
                Retain(type);
            }
        }

        Retain(module.GlobalType);
        RetainAll(module.GetTypes().Where(ReachabilityAnalysis.IsSurface));
        RetainAll(reach.Methods.Select(m => m.DeclaringType).Concat(reach.Fields.Select(f => f.DeclaringType)));

        var fates = new Dictionary<MethodDef, MethodFate>();
        var fields = new HashSet<FieldDef>();
        var mentions = new Mentions(local);
        while (pending.TryDequeue(out var type))
        {
            RetainAll(mentions.OfType(type));
            foreach (var method in type.Methods)
            {
                var fate = Fate(method, policy, reach, owners);
                fates[method] = fate;
                if (fate.Kind != MethodFateKind.Remove)
                {
                    RetainAll(mentions.OfMethod(method, withBody: fate.Kind == MethodFateKind.Keep));
                }
            }

            foreach (var field in type.Fields.Where(f => Stays(f, reach)))
            {
                fields.Add(field);
                RetainAll(mentions.OfField(field));
            }

            foreach (var property in type.Properties.Where(p => p.GetMethods.Concat(p.SetMethods).Concat(p.OtherMethods).Any(a => Fate(a, policy, reach, owners).Kind != MethodFateKind.Remove)))
            {
                RetainAll(mentions.OfProperty(property));
            }

            foreach (var @event in type.Events)
            {
                RetainAll(mentions.OfEvent(@event));
            }
        }

        var removedTypes = module.GetTypes().Where(t => !retained.Contains(t)).ToHashSet();
        var removedFields = retained.SelectMany(t => t.Fields).Where(f => !fields.Contains(f)).ToHashSet();
        return new EditionPlan(fates, removedTypes, removedFields);
    }

    /// <summary>Whether outside code can name <paramref name="member"/>: public or protected, in a type it can name.</summary>
    public static bool IsSurface(IMemberDef member)
    {
        bool visible = member switch
        {
            MethodDef m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
            FieldDef f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
            _ => false,
        };
        return visible && ReachabilityAnalysis.IsSurface(member.DeclaringType);
    }

    private static MethodFate Fate(MethodDef method, BoundPolicy policy, Reachability reach, IReadOnlyDictionary<MethodDef, PolicyEntry> owners)
    {
        string member = MemberNames.Of(method);
        string? exercise = (policy.EntryOf(method) ?? owners.GetValueOrDefault(method))?.Exercise ?? policy.Policy.Exercise;
        if (policy.Forwarded.TryGetValue(method, out var forward))
        {
            return new MethodFate(MethodFateKind.Forward, member, forward.Exercise ?? policy.Policy.Exercise);
        }

        bool needed = IsSurface(method) || method.IsVirtual || reach.WithheldButNamed.Contains(method);
        var kind = reach.Methods.Contains(method) ? MethodFateKind.Keep
            : !method.HasBody ? needed || method.DeclaringType.IsDelegate ? MethodFateKind.Keep : MethodFateKind.Remove
            : needed ? MethodFateKind.Gut
            : MethodFateKind.Remove;
        return new MethodFate(kind, member, exercise);
    }

    private static bool Stays(FieldDef field, Reachability reach) =>
        reach.Fields.Contains(field) || reach.WithheldButNamed.Contains(field) || IsSurface(field) || (!field.IsStatic && field.DeclaringType.IsValueType);

    // Which entry a helper that no entry names belongs to: the first entry (in policy order) whose code calls it,
    // so that a crop's window planning throws naming the crop exercise.
    private static Dictionary<MethodDef, PolicyEntry> Attribution(ModuleDef module, BoundPolicy policy, Reachability reach, LocalDefinitions local)
    {
        var owners = new Dictionary<MethodDef, PolicyEntry>();
        foreach (var entry in policy.Policy.Withheld)
        {
            var stack = new Stack<MethodDef>(module.GetTypes().SelectMany(t => t.Methods).Where(m => policy.EntryOf(m) == entry));
            while (stack.TryPop(out var method))
            {
                if (!method.HasBody)
                {
                    continue;
                }

                foreach (var instruction in method.Body.Instructions)
                {
                    if (local.Method(instruction.Operand as IMethod) is { } callee && !reach.Methods.Contains(callee)
                        && policy.EntryOf(callee) is null && owners.TryAdd(callee, entry))
                    {
                        stack.Push(callee);
                    }
                }
            }
        }

        return owners;
    }
}
