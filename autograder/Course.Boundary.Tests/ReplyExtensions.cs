using System.Text.Json.Nodes;

namespace Course.Boundary.Tests;

/// <summary>Shorthand for a handler's reply of JSON alone.</summary>
internal static class ReplyExtensions
{
    /// <summary>The reply with this body and no payload.</summary>
    /// <param name="body">The body.</param>
    /// <returns>The reply.</returns>
    public static BoundaryReply Reply(this JsonObject body) => new(body, ReadOnlyMemory<byte>.Empty);
}
