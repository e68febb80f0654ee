using System.Text.Json.Nodes;

namespace Course.Boundary;

/// <summary>A call received from the other side, as a handler sees it.</summary>
/// <param name="Operation">The operation's name.</param>
/// <param name="Body">Its arguments.</param>
/// <param name="Payload">The frame's binary data (tensor values).</param>
public sealed record BoundaryCall(string Operation, JsonObject Body, ReadOnlyMemory<byte> Payload);
