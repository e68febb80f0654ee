using System.Reflection;
using System.Text.Json.Nodes;

namespace Course.Boundary;

/// <summary>
/// Exceptions across the boundary: described by their type chain (most derived first), message and inner
/// exception, and rebuilt on the other side as the most derived standard .NET exception type of the chain, so that
/// a check expecting an <see cref="ArgumentException"/> sees one. Types from the student's code are never loaded;
/// messages and depth are capped.
/// </summary>
/// <remarks>
/// A description comes from the other side and may be anything: fields missing or of the wrong kind, thousands of
/// types or inner exceptions, names that are not a type's. Reading one is bounded (<see cref="MaxMessageLength"/>,
/// <see cref="MaxDepth"/>, <see cref="MaxTypes"/>, <see cref="MaxTypeNameLength"/>) and never throws: what cannot
/// be understood becomes a plain <see cref="Exception"/> with the message.
/// </remarks>
public static class ExceptionCodec
{
    /// <summary>The longest message carried; longer ones are cut.</summary>
    public const int MaxMessageLength = 4_000;

    /// <summary>How many inner exceptions are carried.</summary>
    public const int MaxDepth = 8;

    /// <summary>How many types of a chain are carried (an exception's chain is a handful).</summary>
    public const int MaxTypes = 32;

    /// <summary>The longest type name read; a longer one names no type.</summary>
    public const int MaxTypeNameLength = 1_024;

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
    public static string MessageOf(JsonObject description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return description["message"] is JsonValue value && value.TryGetValue(out string? text) ? Capped(text) : string.Empty;
    }

    /// <summary>The type names of a description, most derived first.</summary>
    /// <param name="description">A description.</param>
    /// <returns>The names, at most <see cref="MaxTypes"/>; an entry that is not a string, or is longer than <see cref="MaxTypeNameLength"/>, is empty.</returns>
    public static IReadOnlyList<string> TypesOf(JsonObject description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return (description["types"] as JsonArray ?? [])
            .Take(MaxTypes)
            .Select(n => n is JsonValue v && v.TryGetValue(out string? s) && s.Length <= MaxTypeNameLength ? s : string.Empty)
            .ToArray();
    }

    /// <summary>
    /// Rebuilds an exception: the most derived standard type of the chain that has a (message, inner) or (message)
    /// constructor giving it exactly the message, with the rebuilt inner exception when that constructor takes one.
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
        for (Type? type = exception.GetType(); type is not null && types.Count < MaxTypes; type = type.BaseType)
        {
            // A student's generic type can have a name of any length: cut, as the reader would drop it whole.
            string name = type.FullName ?? type.Name;
            types.Add(name.Length > MaxTypeNameLength ? name[..MaxTypeNameLength] : name);
        }

        var description = new JsonObject
        {
            ["types"] = types,
            ["message"] = Capped(MessageOf(exception)),
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
        Exception? inner = depth < MaxDepth && description["inner"] is JsonObject innerDescription ? Rebuild(innerDescription, depth + 1) : null;
        foreach (string name in TypesOf(description))
        {
            if (StandardType(name) is not { } type)
            {
                continue;
            }

            // A constructor whose string is not the message (ArgumentNullException's parameter name,
            // ObjectDisposedException's object name, TypeInitializationException's type name) shows in the message
            // it makes: such a constructor is passed over, and so is one that throws.
            if (Construct(type, [typeof(string), typeof(Exception)], [message, inner], message) is { } withInner)
            {
                return withInner;
            }

            if (Construct(type, [typeof(string)], [message], message) is { } plain)
            {
                return plain;
            }
        }

        return new Exception(message, inner);
    }

    private static Exception? Construct(Type type, Type[] parameters, object?[] arguments, string message)
    {
        if (type.GetConstructor(parameters) is not { } constructor)
        {
            return null;
        }

        try
        {
            return constructor.Invoke(arguments) is Exception made && made.Message == message ? made : null;
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    // An exception's message is the student's code when it overrides Message, and may throw.
    private static string MessageOf(Exception exception)
    {
        try
        {
            return exception.Message ?? string.Empty;
        }
        catch (Exception error)
        {
            return $"(the exception's message could not be read: {error.GetType().Name})";
        }
    }

    private static string Capped(string message) => message.Length > MaxMessageLength ? message[..MaxMessageLength] + " …" : message;

    // Only public exception types of the framework, named plainly (Namespace.Type or Namespace.Outer+Nested): a name
    // from the other side never loads anything else, as an assembly-qualified or generic name could make it do.
    private static Type? StandardType(string name)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '+'))
        {
            return null;
        }

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
