using System.Text.Json.Nodes;
using TinyTorch;
using TinyTorch.Transforms;

namespace Course.Boundary;

/// <summary>A transform on the other side of the boundary: each <see cref="Apply"/> is a call there.</summary>
internal sealed class RemoteTransform(ObjectHost host, long id) : ITransform
{
    /// <summary>The other side's handle.</summary>
    public long Id => id;

    /// <inheritdoc />
    public Tensor Apply(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var payload = new Payload();
        var body = new JsonObject { ["ref"] = id, ["input"] = host.WriteTensor(input, payload) };
        BoundaryReply reply = host.Call("transform.apply", body, payload);
        if (reply.Body["received"] is JsonArray received && received.Count == 1 && received[0] is JsonValue copy && copy.TryGetValue(out long copyId))
        {
            host.RememberCopy(input, copyId);
        }

        return host.ReadTensor(reply.Body["output"], reply.Payload);
    }
}
