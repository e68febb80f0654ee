using Course.Withhold.Cli;
using Course.Withhold.Policy;
using dnlib.DotNet;

namespace Course.Withhold.Analysis;

/// <summary>
/// Resolves an assembly's policy against its module. A name that matches nothing is an error, never a no-op:
/// a renamed answer must not slip into the edition because the policy still names its old name.
/// </summary>
internal static class PolicyBinder
{
    /// <summary>Binds <paramref name="policy"/> to <paramref name="module"/>.</summary>
    /// <exception cref="WithholdException">An entry names no type or member of the module, or a member is both withheld and forwarded (<see cref="ExitCode.PolicyInvalid"/>).</exception>
    public static BoundPolicy Bind(ModuleDef module, AssemblyPolicy policy, string source)
    {
        var types = module.GetTypes().ToDictionary(t => t.ReflectionFullName, StringComparer.Ordinal);
        var withheldTypes = new Dictionary<TypeDef, PolicyEntry>();
        var withheldMembers = new Dictionary<IMemberDef, PolicyEntry>();
        foreach (var entry in policy.Withheld)
        {
            if (entry.IsType)
            {
                withheldTypes[TypeOf(entry, types, module, source)] = entry;
            }
            else
            {
                foreach (var member in MembersOf(entry, types, module, source))
                {
                    withheldMembers[member] = entry;
                }
            }
        }

        var forwarded = new Dictionary<MethodDef, PolicyEntry>();
        foreach (var entry in policy.Forwarded)
        {
            foreach (var member in MembersOf(entry, types, module, source))
            {
                if (member is not MethodDef method)
                {
                    throw Error(source, module, $"forwarded entry {entry} names field {MemberNames.Of(member)}; only methods (and accessors) can be forwarded");
                }

                if (withheldMembers.ContainsKey(method))
                {
                    throw Error(source, module, $"{MemberNames.WithSignature(method)} is both withheld and forwarded");
                }

                forwarded[method] = entry;
            }
        }

        var keepOnly = policy.KeepOnly?.SelectMany(entry => entry.IsType
                ? AllMembers(TypeOf(entry, types, module, source))
                : MembersOf(entry, types, module, source))
            .ToArray();
        return new BoundPolicy(policy, withheldTypes, withheldMembers, forwarded, keepOnly);
    }

    private static TypeDef TypeOf(PolicyEntry entry, Dictionary<string, TypeDef> types, ModuleDef module, string source)
    {
        if (types.TryGetValue(entry.Name.Replace('/', '+'), out var type))
        {
            return type;
        }

        string simple = entry.Name[(entry.Name.LastIndexOfAny(['.', '+', '/']) + 1)..];
        var near = types.Values.Where(t => string.Equals(t.Name.String, simple, StringComparison.OrdinalIgnoreCase)).Select(t => t.ReflectionFullName).ToArray();
        throw Error(source, module, $"{entry} does not exist in the assembly" + (near.Length > 0 ? $" (did you mean {string.Join(" or ", near)}?)" : ""));
    }

    private static IEnumerable<IMemberDef> MembersOf(PolicyEntry entry, Dictionary<string, TypeDef> types, ModuleDef module, string source)
    {
        // "Type.Member": the type is the longest prefix that names one (a namespace has dots too), so
        // "TinyTorch.Tensor..ctor" is the constructors of TinyTorch.Tensor.
        string name = entry.Name.Replace('/', '+');
        for (int dot = name.LastIndexOf('.'); dot > 0; dot = name.LastIndexOf('.', dot - 1))
        {
            int split = dot > 0 && name[dot - 1] == '.' ? dot - 1 : dot;
            if (!types.TryGetValue(name[..split], out var type))
            {
                continue;
            }

            string member = name[(split + 1)..];
            var found = Named(type, member).ToArray();
            return found.Length > 0
                ? found
                : throw Error(source, module, $"{entry}: type {type.ReflectionFullName} has no member '{member}'");
        }

        throw Error(source, module, $"{entry} does not exist in the assembly (no type is named by its part before the member name)");
    }

    private static IEnumerable<IMemberDef> Named(TypeDef type, string member)
    {
        foreach (var method in type.Methods.Where(m => m.Name == member))
        {
            yield return method;
        }

        foreach (var field in type.Fields.Where(f => f.Name == member))
        {
            yield return field;
        }

        foreach (var property in type.Properties.Where(p => p.Name == member))
        {
            foreach (var accessor in property.GetMethods.Concat(property.SetMethods).Concat(property.OtherMethods))
            {
                yield return accessor;
            }
        }

        foreach (var @event in type.Events.Where(e => e.Name == member))
        {
            foreach (var accessor in new[] { @event.AddMethod, @event.RemoveMethod, @event.InvokeMethod }.OfType<MethodDef>().Concat(@event.OtherMethods))
            {
                yield return accessor;
            }
        }
    }

    private static IEnumerable<IMemberDef> AllMembers(TypeDef type) =>
        type.Methods.Cast<IMemberDef>().Concat(type.Fields).Concat(type.NestedTypes.SelectMany(AllMembers));

    private static WithholdException Error(string source, ModuleDef module, string problem) =>
        new(ExitCode.PolicyInvalid, $"Policy '{source}', assembly {module.Assembly?.Name ?? module.Name}: {problem}.");
}
