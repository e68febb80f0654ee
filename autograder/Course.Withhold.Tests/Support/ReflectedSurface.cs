using System.Reflection;

namespace Course.Withhold.Tests.Support;

/// <summary>
/// The public surface of a loaded assembly as reflection sees it, as sorted lines: written independently of the
/// tool's own comparison, so that the two check each other.
/// </summary>
internal static class ReflectedSurface
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly HashSet<string> StateMachineAttributes =
    [
        "System.Runtime.CompilerServices.IteratorStateMachineAttribute",
        "System.Runtime.CompilerServices.AsyncStateMachineAttribute",
        "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute",
    ];

    /// <summary>The surface of <paramref name="assembly"/>, without the types in namespace <paramref name="ignoredNamespace"/>.</summary>
    public static IReadOnlyList<string> Of(Assembly assembly, string? ignoredNamespace = null)
    {
        var lines = new List<string> { "assembly " + assembly.FullName };
        lines.AddRange(Attributes("assembly", assembly.CustomAttributes));
        foreach (var type in assembly.GetTypes().Where(t => IsVisible(t) && t.Namespace != ignoredNamespace))
        {
            string name = "type " + type.FullName;
            lines.Add($"{name} {type.Attributes} : {type.BaseType} implements {string.Join(", ", type.GetInterfaces().Select(i => i.ToString()).Order(StringComparer.Ordinal))}");
            lines.AddRange(Attributes(name, type.CustomAttributes));
            lines.AddRange(type.GetGenericArguments().Select(a => $"{name} generic {a} {a.GenericParameterAttributes} constraints {string.Join(", ", a.GetGenericParameterConstraints().Select(c => c.ToString()))}"));
            foreach (var member in type.GetMembers(Declared).Where(IsVisible))
            {
                string memberName = $"{name} {member.MemberType} {member}";
                lines.Add(memberName + Details(member));
                lines.AddRange(Attributes(memberName, member.CustomAttributes));
                if (member is MethodBase method)
                {
                    foreach (var parameter in method.GetParameters().Append((method as MethodInfo)?.ReturnParameter).OfType<ParameterInfo>())
                    {
                        string parameterName = $"{memberName} parameter {parameter.Position} {parameter.Name} {parameter.Attributes} = {(parameter.HasDefaultValue ? parameter.RawDefaultValue ?? "null" : "(none)")}";
                        lines.Add(parameterName);
                        lines.AddRange(Attributes(parameterName, parameter.CustomAttributes));
                    }
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Details(MemberInfo member) => member switch
    {
        MethodBase method => $" {method.Attributes} {method.MethodImplementationFlags}",
        FieldInfo field => $" {field.Attributes}" + (field.IsLiteral ? $" = {field.GetRawConstantValue()}" : ""),
        PropertyInfo property => " accessors " + string.Join(",", property.GetAccessors(nonPublic: true).Where(IsVisible).Select(a => a.Name).Order(StringComparer.Ordinal)),
        EventInfo @event => $" {@event.EventHandlerType}",
        _ => "",
    };

    private static bool IsVisible(Type type) => type.IsVisible || (type.IsNested && (type.IsNestedFamily || type.IsNestedFamORAssem) && IsVisible(type.DeclaringType!));

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(IsVisible),
        EventInfo @event => @event.AddMethod is { } add && IsVisible(add),
        Type nested => IsVisible(nested),
        _ => false,
    };

    private static IEnumerable<string> Attributes(string owner, IEnumerable<CustomAttributeData> attributes) =>
        attributes.Where(a => !StateMachineAttributes.Contains(a.AttributeType.FullName!)).Select(a => $"{owner} [{a}]");
}
