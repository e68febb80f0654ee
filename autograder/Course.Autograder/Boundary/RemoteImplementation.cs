using System.Text.Json.Nodes;
using Course.Boundary;
using Course.Specs.Core;
using TinyTorch;
using TinyTorch.Data;
using TinyTorch.Transforms;

namespace Course.Autograder.Boundary;

/// <summary>
/// The student's implementation as the parent's checks see it: each exercise the runner recorded is a factory whose
/// calls go to the runner and whose results are proxies, so every check of Course.Specs runs here unchanged while
/// the code under test runs there. An exercise the runner did not record has no factory (the check says "missing").
/// </summary>
public static class RemoteImplementation
{
    /// <summary>Builds the implementation.</summary>
    /// <param name="host">The parent's end of the boundary.</param>
    /// <param name="recorded">The exercises the runner says its check cells recorded.</param>
    /// <param name="world">The world the checks see (<see cref="RemoteWorld"/>).</param>
    /// <returns>The implementation.</returns>
    public static Implementation Create(ObjectHost host, IReadOnlySet<Exercise> recorded, ISpecWorld world)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(recorded);
        bool Has(Exercise e) => recorded.Contains(e);
        return new Implementation
        {
            World = world,
            LazyCifar = !Has(Exercise.LazyCifar) ? null : path =>
                host.ReadRef<Dataset<Tensor[]>>(host.Call("exercise.lazycifar", new JsonObject { ["path"] = path }).Body["dataset"]),
            TensorDataset = !Has(Exercise.TensorDataset) ? null : tensors => TensorDataset(host, tensors),
            DataLoader = !Has(Exercise.DataLoader) ? null : (dataset, settings) => Loader(host, dataset, settings),
            Collate = !Has(Exercise.Collate) ? null : new RemoteCollate(host).Invoke,
            Flip = !Has(Exercise.Flip) ? null : (p, seed) =>
                host.ReadRef<ITransform>(host.Call("exercise.flip", new JsonObject { ["p"] = p, ["seed"] = seed }).Body["transform"]),
            Crop = !Has(Exercise.Crop) ? null : (size, padding, seed) =>
                host.ReadRef<ITransform>(host.Call("exercise.crop", new JsonObject { ["size"] = size, ["padding"] = padding, ["seed"] = seed }).Body["transform"]),
            Compose = !Has(Exercise.Compose) ? null : transforms =>
                host.ReadRef<ITransform>(host.Call("exercise.compose", new JsonObject
                {
                    ["transforms"] = new JsonArray(transforms.Select(t => (JsonNode?)host.Reference(t, "transform")).ToArray()),
                }).Body["transform"]),
            Prefetcher = !Has(Exercise.Prefetcher) ? null : (source, capacity) =>
                host.ReadRef<IEnumerable<int>>(host.Call("exercise.prefetcher", new JsonObject { ["source"] = host.Reference(source, "ints"), ["capacity"] = capacity }).Body["items"]),
        };
    }

    private static Dataset<Tensor[]> TensorDataset(ObjectHost host, Tensor[] tensors)
    {
        var payload = new Payload();
        BoundaryReply reply = host.Call("exercise.tensordataset", new JsonObject { ["tensors"] = host.WriteTensors(tensors, payload) }, payload);
        RememberCopies(host, tensors, reply.Body["received"]);
        return host.ReadRef<Dataset<Tensor[]>>(reply.Body["dataset"]);
    }

    private static LoaderUnderTest Loader(ObjectHost host, Dataset<Tensor[]> dataset, LoaderSettings settings)
    {
        var body = new JsonObject
        {
            ["dataset"] = host.Reference(dataset, "dataset"),
            ["settings"] = new JsonObject { ["batchSize"] = settings.BatchSize, ["shuffle"] = settings.Shuffle, ["dropLast"] = settings.DropLast, ["seed"] = settings.Seed },
        };
        BoundaryReply reply = host.Call("exercise.dataloader", body);
        long loader = Json.Long(Json.Object(reply.Body, "loader"), "ref");
        var batches = host.ReadRef<IEnumerable<IReadOnlyList<Tensor>>>(reply.Body["batches"]);
        return new LoaderUnderTest(() => Json.Int(host.Call("loader.count", new JsonObject { ["ref"] = loader }).Body, "count"), batches);
    }

    // What the parent sent, the runner copied: later fills and re-reads of these tensors go to the copies.
    internal static void RememberCopies(ObjectHost host, IReadOnlyList<Tensor> sent, JsonNode? received)
    {
        if (received is not JsonArray ids || ids.Count != sent.Count)
        {
            return;
        }

        for (int i = 0; i < sent.Count; i++)
        {
            if (ids[i] is JsonValue value && value.TryGetValue(out long id))
            {
                host.RememberCopy(sent[i], id);
            }
        }
    }
}
