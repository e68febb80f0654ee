using System.Reflection;
using System.Text.Json.Nodes;

namespace Course.Boundary;

/// <summary>
/// Exceptions across the boundary: described by their type chain (most derived first), message and inner
/// exception, and rebuilt on the other side as the most derived standard .NET exception type of the chain, so that
/// a check expecting an <see cref="ArgumentException"/> sees one. Types from the student's code are never loaded;
/// messages and depth are capped.
/// </summary>
public static class ExceptionCodec
{
    /// <summary>The longest message carried; longer ones are cut.</summary>
    public const int MaxMessageLength = 4_000;

    /// <summary>How many inner exceptions are carried.</summary>
    public const int MaxDepth = 8;

    private static readonly Assembly[] Standard = [.. new[] { typeof(object).Assembly, typeof(InvalidDataException).Assembly, typeof(Uri).Assembly }.Distinct()];

    /// <summary>Describes an exception.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>Its description.</returns>
    public static JsonObject Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Describe(exception, 0);
    }

    /// <summary>The message of a description, for the other side's exception.</summary>
    /// <param name="description">A description.</param>
    /// <returns>The message (empty when absent).</returns>
    public static string MessageOf(JsonObject description) =>
        description["message"] is JsonValue value && value.TryGetValue(out string? text) ? text : string.Empty;

    /// <summary>The type names of a description, most derived first.</summary>
    /// <param name="description">A description.</param>
    /// <returns>The names.</returns>
    public static IReadOnlyList<string> TypesOf(JsonObject description) =>
        (description["types"] as JsonArray ?? []).Select(n => n is JsonValue v && v.TryGetValue(out string? s) ? s : string.Empty).Take(32).ToArray();

    /// <summary>
    /// Rebuilds an exception: the most derived standard type of the chain that has a (message, inner) or (message)
    /// constructor, with the message and the rebuilt inner exception.
    /// </summary>
    /// <param name="description">A description.</param>
    /// <returns>The exception.</returns>
    public static Exception Rebuild(JsonObject description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return Rebuild(description, 0);
    }

    private static JsonObject Describe(Exception exception, int depth)
    {
        var types = new JsonArray();
        for (Type? type = exception.GetType(); type is not null && types.Count < 32; type = type.BaseType)
        {
            types.Add(type.FullName ?? type.Name);
        }

        string message = exception.Message;
        var description = new JsonObject
        {
            ["types"] = types,
            ["message"] = message.Length > MaxMessageLength ? message[..MaxMessageLength] + " …" : message,
        };
        if (exception.InnerException is { } inner && depth < MaxDepth)
        {
            description["inner"] = Describe(inner, depth + 1);
        }

        return description;
    }

    private static Exception Rebuild(JsonObject description, int depth)
    {
        string message = MessageOf(description);
        if (message.Length > MaxMessageLength)
        {
            message = message[..MaxMessageLength] + " …";
        }

        Exception? inner = depth < MaxDepth && description["inner"] is JsonObject innerDescription ? Rebuild(innerDescription, depth + 1) : null;
        foreach (string name in TypesOf(description))
        {
            if (StandardType(name) is not { } type)
            {
                continue;
            }

            ConstructorInfo? withInner = type.GetConstructor([typeof(string), typeof(Exception)]);
            // (string) is the parameter's name, not the message, for these two.
            ConstructorInfo? plain = type == typeof(ArgumentNullException) || type == typeof(ArgumentOutOfRangeException)
                ? null
                : type.GetConstructor([typeof(string)]);
            if (withInner is not null && (inner is not null || plain is null))
            {
                return (Exception)withInner.Invoke([message, inner]);
            }

            if (plain is not null)
            {
                return (Exception)plain.Invoke([message]);
            }
        }

        return new Exception(message, inner);
    }

    // Only public exception types of the framework: a name from the other side never loads anything else.
    private static Type? StandardType(string name)
    {
        foreach (Assembly assembly in Standard)
        {
            if (assembly.GetType(name, throwOnError: false) is { IsPublic: true } type && typeof(Exception).IsAssignableFrom(type) && !type.IsAbstract)
            {
                return type;
            }
        }

        return null;
    }
}
