using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Course.Notebooks.Execution.Display;

/// <summary>Which members of a type become columns, shared by the plain-text and HTML forms.</summary>
internal static class TableLayout
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static PropertyInfo[] ReadableProperties(Type type) => Properties.GetOrAdd(type, static t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true }
            && p.Name != "EqualityContract")
        .ToArray());

    public static object? Read(PropertyInfo property, object target)
    {
        try
        {
            return property.GetValue(target);
        }
        catch (TargetInvocationException error)
        {
            return $"<{error.InnerException?.GetType().Name ?? "error"}: {error.InnerException?.Message}>";
        }
    }

    /// <summary>Scalars are shown as a single value, never as a row of their properties.</summary>
    public static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan)
        || type == typeof(Guid) || type == typeof(DateOnly) || type == typeof(TimeOnly)
        || Nullable.GetUnderlyingType(type) is not null;

    /// <summary>Records (C# 9) and anonymous types: data-shaped objects worth a table.</summary>
    public static bool IsRecordLike(Type type) =>
        type.GetMethod("<Clone>$") is not null
        || (type.IsDefined(typeof(CompilerGeneratedAttribute), false) && type.Name.Contains("AnonymousType", StringComparison.Ordinal));

    public static string FriendlyName(Type type) =>
        type.Name.Contains("AnonymousType", StringComparison.Ordinal) ? string.Empty : type.Name.Split('`')[0];
}
