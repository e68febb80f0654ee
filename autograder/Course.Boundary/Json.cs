using System.Text.Json.Nodes;

namespace Course.Boundary;

/// <summary>Reads fields of a frame's body, refusing what is missing or of the wrong kind (the peer is not trusted).</summary>
public static class Json
{
    /// <summary>An integer field.</summary>
    /// <param name="body">The object.</param>
    /// <param name="name">The field.</param>
    /// <returns>Its value.</returns>
    /// <exception cref="BoundaryProtocolException">It is missing or not an integer.</exception>
    public static long Long(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue(out long result)
            ? result
            : throw Missing(name, "an integer");

    /// <summary>An integer field that fits an <see cref="int"/>.</summary>
    /// <param name="body">The object.</param>
    /// <param name="name">The field.</param>
    /// <returns>Its value.</returns>
    /// <exception cref="BoundaryProtocolException">It is missing or not a 32-bit integer.</exception>
    public static int Int(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue(out int result)
            ? result
            : throw Missing(name, "a 32-bit integer");

    /// <summary>A number field.</summary>
    /// <param name="body">The object.</param>
    /// <param name="name">The field.</param>
    /// <returns>Its value.</returns>
    /// <exception cref="BoundaryProtocolException">It is missing or not a number.</exception>
    public static double Double(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue(out double result)
            ? result
            : throw Missing(name, "a number");

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

    private static BoundaryProtocolException Missing(string name, string kind) =>
        new($"A frame's field '{name}' is missing or is not {kind}.");
}
