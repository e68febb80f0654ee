using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Boundary;

/// <summary>Reads fields of a frame's body, refusing what is missing or of the wrong kind (the peer is not trusted).</summary>
/// <remarks>
/// Each accessor throws only <see cref="BoundaryProtocolException"/>, naming the field. Numbers are not converted
/// from strings, integers are not rounded from fractions, and an integer that does not fit the type is refused;
/// a number is read whatever .NET type it was made of.
/// </remarks>
public static class Json
{
    /// <summary>An integer field.</summary>
    /// <param name="body">The object.</param>
    /// <param name="name">The field.</param>
    /// <returns>Its value.</returns>
    /// <exception cref="BoundaryProtocolException">It is missing or not an integer.</exception>
    public static long Long(JsonObject body, string name) =>
        body[name] is JsonValue value && (value.TryGetValue(out long result) || TryParse(value, out result))
            ? result
            : throw Missing(name, "an integer");

    /// <summary>An integer field that fits an <see cref="int"/>.</summary>
    /// <param name="body">The object.</param>
    /// <param name="name">The field.</param>
    /// <returns>Its value.</returns>
    /// <exception cref="BoundaryProtocolException">It is missing or not a 32-bit integer.</exception>
    public static int Int(JsonObject body, string name) =>
        body[name] is JsonValue value && (value.TryGetValue(out int result) || TryParse(value, out result))
            ? result
            : throw Missing(name, "a 32-bit integer");

    /// <summary>A number field, finite.</summary>
    /// <param name="body">The object.</param>
    /// <param name="name">The field.</param>
    /// <returns>Its value.</returns>
    /// <exception cref="BoundaryProtocolException">It is missing or not a finite number (JSON's 1e400 reads as infinity).</exception>
    public static double Double(JsonObject body, string name) =>
        body[name] is JsonValue value && (value.TryGetValue(out double result) || TryParse(value, out result)) && double.IsFinite(result)
            ? result
            : throw Missing(name, "a finite number");

    /// <summary>A boolean field, false when absent.</summary>
    /// <param name="body">The object.</param>
    /// <param name="name">The field.</param>
    /// <returns>Its value.</returns>
    public static bool Bool(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue(out bool result) && result;

    /// <summary>A string field.</summary>
    /// <param name="body">The object.</param>
    /// <param name="name">The field.</param>
    /// <returns>Its value.</returns>
    /// <exception cref="BoundaryProtocolException">It is missing or not a string.</exception>
    public static string String(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue(out string? result)
            ? result
            : throw Missing(name, "a string");

    /// <summary>An array field.</summary>
    /// <param name="body">The object.</param>
    /// <param name="name">The field.</param>
    /// <returns>Its value.</returns>
    /// <exception cref="BoundaryProtocolException">It is missing or not an array.</exception>
    public static JsonArray Array(JsonObject body, string name) =>
        body[name] as JsonArray ?? throw Missing(name, "an array");

    /// <summary>An object field.</summary>
    /// <param name="body">The object.</param>
    /// <param name="name">The field.</param>
    /// <returns>Its value.</returns>
    /// <exception cref="BoundaryProtocolException">It is missing or not an object.</exception>
    public static JsonObject Object(JsonObject body, string name) =>
        body[name] as JsonObject ?? throw Missing(name, "an object");

    /// <summary>An element of an array that must be an object.</summary>
    /// <param name="node">The element.</param>
    /// <param name="what">What it should be, for the message.</param>
    /// <returns>The object.</returns>
    /// <exception cref="BoundaryProtocolException">It is not an object.</exception>
    public static JsonObject AsObject(JsonNode? node, string what) =>
        node as JsonObject ?? throw new BoundaryProtocolException($"Expected {what} as a JSON object.");

    // A value parsed from a frame converts to any number type that holds it; a value made in this process (a body
    // built here, as tests and in-process hosts do) converts only to the type it was made of. Its JSON text does not
    // care: an int read as a long, a long as a double, always with the range checked.
    private static bool TryParse<T>(JsonValue value, out T result)
        where T : INumber<T>
    {
        result = T.Zero;
        return value.GetValueKind() == JsonValueKind.Number
            && T.TryParse(value.ToJsonString(), typeof(T) == typeof(double) ? NumberStyles.Float : NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result!);
    }

    private static BoundaryProtocolException Missing(string name, string kind) =>
        new($"A frame's field '{name}' is missing or is not {kind}.");
}
