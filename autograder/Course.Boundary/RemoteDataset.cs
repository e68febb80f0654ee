using System.Text.Json.Nodes;
using TinyTorch;
using TinyTorch.Data;

namespace Course.Boundary;

/// <summary>A dataset on the other side of the boundary: every <c>Count</c> and read is a call there.</summary>
internal sealed class RemoteDataset(ObjectHost host, long id) : Dataset<Tensor[]>
{
    /// <summary>The other side's handle.</summary>
    public long Id => id;

    /// <inheritdoc />
    public override int Count => Json.Int(host.Call("dataset.count", new JsonObject { ["ref"] = id }).Body, "count");

    /// <inheritdoc />
    public override Tensor[] this[int index]
    {
        get
        {
            BoundaryReply reply = host.Call("dataset.get", new JsonObject { ["ref"] = id, ["index"] = index });
            return host.ReadTensors(reply.Body["sample"], reply.Payload);
        }
    }
}
