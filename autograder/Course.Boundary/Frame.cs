using System.Text.Json.Nodes;

namespace Course.Boundary;

/// <summary>One message on the boundary: a header in JSON and a binary payload (tensor values).</summary>
/// <param name="Id">The call's id, chosen by the side that made the call; a result or failure repeats it.</param>
/// <param name="Kind">Call, result or failure.</param>
/// <param name="Operation">For a call, the operation's name (<c>dataset.get</c>); empty otherwise.</param>
/// <param name="Origin">For a call, the id of the call the caller was serving when it made this one (0 when none): a callback runs on the thread that waits for that call, as it would in one process.</param>
/// <param name="Body">The arguments or the result.</param>
/// <param name="Payload">Binary data the body refers to by offset and length.</param>
public sealed record Frame(long Id, FrameKind Kind, string Operation, long Origin, JsonObject Body, ReadOnlyMemory<byte> Payload);
