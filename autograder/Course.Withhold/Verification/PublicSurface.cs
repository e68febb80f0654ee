using Course.Withhold.Analysis;
using Course.Withhold.Rewriting;
using dnlib.DotNet;

namespace Course.Withhold.Verification;

/// <summary>
/// The public surface of an assembly as sorted lines of text: its identity and attributes; every type outside code
/// can name, with its attributes, base type, interfaces, generic parameters and constraints (and a struct's
/// instance fields, which decide what the compiler lets code do with it); every public or protected member with
/// its signature, flags, parameters (names, flags, defaults) and attributes. Two assemblies bind alike for a
/// compiler when their surfaces are equal.
/// </summary>
/// <remarks>
/// Every attribute counts (ParamArray, IsReadOnly, Nullable, Extension, Obsolete, ...) except the three that name a
/// state machine, which a gutted method loses (<see cref="CompilerAttributes"/>).
/// </remarks>
internal static class PublicSurface
{
    /// <summary>The surface of <paramref name="module"/>, leaving out the types <paramref name="ignore"/> selects.</summary>
    public static IReadOnlyList<string> Of(ModuleDef module, Func<TypeDef, bool>? ignore = null)
    {
        var lines = new List<string>();
        if (module.Assembly is { } assembly)
        {
            // The PublicKey flag only says the definition's blob is a whole key (it always is); signing sets it.
            lines.Add($"assembly {assembly.FullName} flags {assembly.Attributes & ~AssemblyAttributes.PublicKey} hash {assembly.HashAlgorithm}");
            lines.AddRange(Attributes("assembly", assembly));
        }

        lines.AddRange(Attributes("module", module));
        lines.AddRange(module.ExportedTypes.Select(e => $"exported {e.FullName} {e.Attributes} from {e.Implementation?.FullName}"));
        lines.AddRange(module.Resources.Select(r => $"resource {r.Name} {r.ResourceType} {r.Attributes}"));
        foreach (var type in module.GetTypes().Where(t => ReachabilityAnalysis.IsSurface(t) && ignore?.Invoke(t) != true))
        {
            lines.AddRange(OfType(type));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static IEnumerable<string> OfType(TypeDef type)
    {
        string name = "type " + type.FullName;
        yield return $"{name} {type.Attributes} : {type.BaseType?.FullName} layout {type.PackingSize}/{type.ClassSize}";
        foreach (var line in Attributes(name, type))
        {
            yield return line;
        }

        foreach (var implemented in type.Interfaces)
        {
            yield return $"{name} implements {implemented.Interface.FullName}";
            foreach (var line in Attributes($"{name} implements {implemented.Interface.FullName}", implemented))
            {
                yield return line;
            }
        }

        foreach (var line in GenericParameters(name, type.GenericParameters))
        {
            yield return line;
        }

        if (type.IsValueType)
        {
            foreach (var field in type.Fields.Where(f => !f.IsStatic))
            {
                yield return $"{name} instance field {field.FieldSig.Type.FullName} offset {field.FieldOffset}";
            }
        }

        foreach (var method in type.Methods.Where(EditionPlanner.IsSurface))
        {
            foreach (var line in OfMethod(method))
            {
                yield return line;
            }
        }

        foreach (var field in type.Fields.Where(EditionPlanner.IsSurface))
        {
            string fieldName = "field " + field.FullName;
            yield return $"{fieldName} {field.Attributes} = {field.Constant?.Value}";
            foreach (var line in Attributes(fieldName, field))
            {
                yield return line;
            }
        }

        var accessed = type.Properties.Select(p => (Name: "property " + p.FullName, Details: $"{p.Attributes} = {p.Constant?.Value}", Holder: (IHasCustomAttribute)p,
                Accessors: p.GetMethods.Concat(p.SetMethods).Concat(p.OtherMethods)))
            .Concat(type.Events.Select(e => (Name: "event " + e.FullName, Details: e.Attributes.ToString(), Holder: (IHasCustomAttribute)e,
                Accessors: new[] { e.AddMethod, e.RemoveMethod, e.InvokeMethod }.Concat(e.OtherMethods).OfType<MethodDef>())));
        foreach (var (memberName, details, holder, accessors) in accessed)
        {
            // A property or event is surface through the accessors outside code can call, and only those.
            var visible = accessors.Where(EditionPlanner.IsSurface).Select(m => m.Name.String).Order(StringComparer.Ordinal).ToArray();
            if (visible.Length == 0)
            {
                continue;
            }

            yield return $"{memberName} {details} accessors {string.Join(",", visible)}";
            foreach (var line in Attributes(memberName, holder))
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<string> OfMethod(MethodDef method)
    {
        string name = "method " + method.FullName;
        yield return $"{name} {method.Attributes} {method.ImplAttributes} overrides {string.Join(",", method.Overrides.Select(o => o.MethodDeclaration.FullName).Order(StringComparer.Ordinal))}";
        foreach (var line in Attributes(name, method))
        {
            yield return line;
        }

        foreach (var parameter in method.ParamDefs)
        {
            string parameterName = $"{name} parameter {parameter.Sequence}";
            yield return $"{parameterName} {parameter.Name} {parameter.Attributes} = {parameter.Constant?.Value ?? "(none)"} marshal {parameter.MarshalType}";
            foreach (var line in Attributes(parameterName, parameter))
            {
                yield return line;
            }
        }

        foreach (var line in GenericParameters(name, method.GenericParameters))
        {
            yield return line;
        }
    }

    private static IEnumerable<string> GenericParameters(string owner, IEnumerable<GenericParam> parameters)
    {
        foreach (var parameter in parameters)
        {
            string name = $"{owner} generic {parameter.Number} {parameter.Name}";
            yield return $"{name} {parameter.Flags}";
            foreach (var line in Attributes(name, parameter))
            {
                yield return line;
            }

            foreach (var constraint in parameter.GenericParamConstraints)
            {
                yield return $"{name} constraint {constraint.Constraint.FullName}";
                foreach (var line in Attributes($"{name} constraint {constraint.Constraint.FullName}", constraint))
                {
                    yield return line;
                }
            }
        }
    }

    private static IEnumerable<string> Attributes(string owner, IHasCustomAttribute holder) =>
        holder.CustomAttributes.Where(a => !CompilerAttributes.IsStateMachine(a)).Select(a => $"{owner} [{MetadataText.Of(a)}]");
}
