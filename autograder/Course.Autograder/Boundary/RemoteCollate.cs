using System.Text.Json.Nodes;
using Course.Boundary;
using TinyTorch;

namespace Course.Autograder.Boundary;

/// <summary>
/// The student's collate function as the parent's checks call it: each call sends the samples and brings the batch
/// back. Its own type, so that <see cref="RemoteWorld.CollateEach"/> knows the function lives in the runner and
/// times it there rather than call by call.
/// </summary>
/// <param name="host">The parent's end of the boundary.</param>
public sealed class RemoteCollate(ObjectHost host)
{
    /// <summary>The parent's end of the boundary the function is called through.</summary>
    public ObjectHost Host => host;

    /// <summary>Collates samples in the runner.</summary>
    /// <param name="samples">The samples.</param>
    /// <returns>The batch.</returns>
    public Tensor[] Invoke(IReadOnlyList<Tensor[]> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var payload = new Payload();
        var body = new JsonObject
        {
            ["samples"] = new JsonArray(samples.Select(sample => (JsonNode?)host.WriteTensors(sample, payload)).ToArray()),
        };
        BoundaryReply reply = host.Call("exercise.collate", body, payload);
        if (reply.Body["received"] is JsonArray received && received.Count == samples.Count)
        {
            for (int s = 0; s < samples.Count; s++)
            {
                RemoteImplementation.RememberCopies(host, samples[s], received[s]);
            }
        }

        return host.ReadTensors(reply.Body["batch"], reply.Payload);
    }
}
