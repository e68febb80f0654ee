using System.Text.Json.Nodes;
using Course.Boundary;
using Course.Specs.Core;
using Course.Specs.Doubles;
using TinyTorch;
using TinyTorch.Data;
using TinyTorch.Transforms;

namespace Course.Runner;

/// <summary>
/// The operations the parent calls on the student's code: each exercise's factory, called with the arguments a
/// check gives, its result handed back by value (tensors) or by reference (datasets, loaders, transforms,
/// sequences); made-up datasets that live here; and what every object kind answers (<see cref="ObjectHost"/>).
/// </summary>
internal sealed class RunnerService(ObjectHost host)
{
    private readonly ManualResetEventSlim _closed = new();

    /// <summary>What the check cells recorded; set once the notebooks have run.</summary>
    public Implementation Recorded { get; set; } = new();

    public void WaitUntilClosed(BoundaryChannel channel)
    {
        while (channel.Closed is null)
        {
            _closed.Wait(TimeSpan.FromMilliseconds(200));
        }
    }

    public BoundaryReply Serve(BoundaryCall call)
    {
        if (host.TryServe(call, out BoundaryReply reply))
        {
            return reply;
        }

        var payload = new Payload();
        JsonObject body = call.Operation switch
        {
            "exercise.lazycifar" => new JsonObject { ["dataset"] = host.WriteRef(Require(Recorded.LazyCifar, Exercise.LazyCifar)(Json.String(call.Body, "path")), "dataset") },
            "exercise.tensordataset" => TensorDataset(call),
            "exercise.dataloader" => Loader(call),
            "exercise.collate" => Collate(call, payload),
            "exercise.flip" => new JsonObject { ["transform"] = host.WriteRef(Require(Recorded.Flip, Exercise.Flip)(Json.Double(call.Body, "p"), Json.Int(call.Body, "seed")), "transform") },
            "exercise.crop" => new JsonObject
            {
                ["transform"] = host.WriteRef(Require(Recorded.Crop, Exercise.Crop)(Json.Int(call.Body, "size"), Json.Int(call.Body, "padding"), Json.Int(call.Body, "seed")), "transform"),
            },
            "exercise.compose" => new JsonObject
            {
                ["transform"] = host.WriteRef(Require(Recorded.Compose, Exercise.Compose)([.. Json.Array(call.Body, "transforms").Select(host.ReadRef<ITransform>)]), "transform"),
            },
            "exercise.prefetcher" => new JsonObject
            {
                ["items"] = host.WriteRef(Require(Recorded.Prefetcher, Exercise.Prefetcher)(host.ReadRef<IEnumerable<int>>(call.Body["source"]), Json.Int(call.Body, "capacity")), "ints"),
            },
            "collate.each" => Outputs(CollateEach(call), payload),
            "enumerable.drain" => Outputs(InProcessWorld.DrainHere(
                host.Handles.Get<IEnumerable<IReadOnlyList<Tensor>>>(Json.Long(call.Body, "ref")), () => TimeSpan.Zero,
                epochs: call.Body["epochs"] is null ? 1 : Math.Clamp(Json.Int(call.Body, "epochs"), 1, 100_000)).Outputs, payload),
            "loader.count" => new JsonObject { ["count"] = host.Handles.Get<LoaderUnderTest>(Json.Long(call.Body, "ref")).Count() },
            "synthetic" => new JsonObject { ["dataset"] = host.WriteRef(Synthetic(call.Body), "dataset") },
            "gc.collect" => Collect(),
            _ => throw new BoundaryProtocolException($"The runner has no operation '{call.Operation}'."),
        };
        return new BoundaryReply(body, payload.ToMemory());
    }

    // At most a million made-up samples: the checks ask for tens of thousands; more is a hostile parent's request.
    private static CountingDataset Synthetic(JsonObject body)
    {
        int count = Json.Int(body, "count"), features = Json.Int(body, "features");
        bool prebuilt = body["prebuilt"] is not null && Json.Bool(body, "prebuilt");
        if (count is < 0 or > 1_000_000 || features is < 1 or > 4096)
        {
            throw new BoundaryProtocolException($"A made-up dataset of {count} samples of {features} values is outside what the checks ask for.");
        }

        return new CountingDataset(count, features, prebuilt);
    }

    // The young generations only: the last timed run's garbage is young, and a full collection of a heap that holds
    // Roslyn's compilations would cost more than the run it settles.
    private static JsonObject Collect()
    {
        GC.Collect(1, GCCollectionMode.Forced, blocking: true);
        return new JsonObject();
    }

    private JsonObject TensorDataset(BoundaryCall call)
    {
        Tensor[] tensors = host.ReadTensors(call.Body["tensors"], call.Payload);
        Dataset<Tensor[]> dataset = Require(Recorded.TensorDataset, Exercise.TensorDataset)(tensors);
        return new JsonObject { ["dataset"] = host.WriteRef(dataset, "dataset"), ["received"] = host.Received(tensors) };
    }

    private JsonObject Loader(BoundaryCall call)
    {
        var dataset = host.ReadRef<Dataset<Tensor[]>>(call.Body["dataset"]);
        JsonObject s = Json.Object(call.Body, "settings");
        var settings = new LoaderSettings(Json.Int(s, "batchSize"), Json.Bool(s, "shuffle"), Json.Bool(s, "dropLast"), Json.Int(s, "seed"));
        LoaderUnderTest loader = Require(Recorded.DataLoader, Exercise.DataLoader)(dataset, settings)
            ?? throw new InvalidOperationException("The DataLoader factory returned null.");
        return new JsonObject { ["loader"] = host.WriteRef(loader, "loader"), ["batches"] = host.WriteRef(loader.Batches, "tensors") };
    }

    private JsonObject Collate(BoundaryCall call, Payload payload)
    {
        var samples = Json.Array(call.Body, "samples").Select(s => host.ReadTensors(s, call.Payload)).ToList();
        Tensor[] batch = Require(Recorded.Collate, Exercise.Collate)(samples) ?? throw new InvalidOperationException("Collate returned null.");
        return new JsonObject
        {
            ["batch"] = host.WriteTensors(batch, payload),
            ["received"] = new JsonArray(samples.Select(sample => (JsonNode?)host.Received(sample)).ToArray()),
        };
    }

    // Timed work (the parent counts this process's CPU time around the call): each kept list collated once and
    // summarised here, so that only digests and small tensors go back.
    private IReadOnlyList<IReadOnlyList<TensorSummary>> CollateEach(BoundaryCall call)
    {
        var lists = host.Handles.Get<IReadOnlyList<IReadOnlyList<Tensor[]>>>(Json.Long(call.Body, "lists"));
        var collate = Require(Recorded.Collate, Exercise.Collate);
        var outputs = new IReadOnlyList<TensorSummary>[lists.Count];
        for (int i = 0; i < outputs.Length; i++)
        {
            outputs[i] = TensorSummary.Of(collate(lists[i]) ?? throw new InvalidOperationException("Collate returned null."));
        }

        return outputs;
    }

    private static JsonObject Outputs(IReadOnlyList<IReadOnlyList<TensorSummary>> outputs, Payload payload) => new()
    {
        ["outputs"] = new JsonArray(outputs.Select(batch => (JsonNode?)new JsonArray(batch.Select(t => (JsonNode?)Summary(t, payload)).ToArray())).ToArray()),
    };

    private static JsonObject Summary(TensorSummary summary, Payload payload)
    {
        var node = new JsonObject
        {
            ["shape"] = new JsonArray(summary.Shape.Select(d => (JsonNode?)d).ToArray()),
            ["digest"] = TensorDigest.Text(summary.Digest),
        };
        if (summary.Values is { } values)
        {
            var (offset, count) = payload.Add(values);
            node["o"] = offset;
            node["n"] = count;
        }

        return node;
    }

    private static T Require<T>(T? factory, Exercise exercise)
        where T : class =>
        factory ?? throw new MissingExerciseException(Exercises.Get(exercise).StudentName);
}
