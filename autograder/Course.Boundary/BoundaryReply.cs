using System.Text.Json.Nodes;

namespace Course.Boundary;

/// <summary>What a call returned: its result's JSON and binary data.</summary>
/// <param name="Body">The result.</param>
/// <param name="Payload">Binary data the result refers to.</param>
public sealed record BoundaryReply(JsonObject Body, ReadOnlyMemory<byte> Payload)
{
    /// <summary>An empty result.</summary>
    public static BoundaryReply Empty => new([], ReadOnlyMemory<byte>.Empty);
}
