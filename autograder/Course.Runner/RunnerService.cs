using System.Text.Json.Nodes;
using Course.Boundary;
using Course.Specs.Core;
using Course.Specs.Doubles;
using TinyTorch;

namespace Course.Runner;

/// <summary>
/// The operations the parent calls on the student's code: each exercise's factory (its row's operation, served by
/// <see cref="FactoryCalls"/> from its factory type alone), called with the arguments a check gives, its result handed
/// back by value (tensors) or by reference (datasets, loaders, transforms, sequences, functions); made-up datasets that
/// live here; and what every object kind answers (<see cref="ObjectHost"/>).
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

        if (Exercises.All.Serving(call.Operation) is { } exercise)
        {
            return FactoryCalls.Serve(host, call, exercise.Get(Recorded) ?? throw new MissingExerciseException(exercise.StudentName), exercise.StudentName);
        }

        if (call.Operation == FactoryCalls.FunctionOperation)
        {
            // A function one of the factories returned (a loader's Count), called back by its handle.
            return FactoryCalls.Serve(host, call, host.Handles.Get<Delegate>(Json.Long(call.Body, "ref")), "A function");
        }

        var payload = new Payload();
        JsonObject body = call.Operation switch
        {
            "collate.each" => Outputs(CollateEach(call), payload),
            "enumerable.drain" => Outputs(InProcessWorld.DrainHere(
                host.Handles.Get<IEnumerable<IReadOnlyList<Tensor>>>(Json.Long(call.Body, "ref")), () => TimeSpan.Zero,
                epochs: call.Body["epochs"] is null ? 1 : Math.Clamp(Json.Int(call.Body, "epochs"), 1, 100_000)).Outputs, payload),
            "enumerator.take" => Outputs(InProcessWorld.TakeHere(
                host.Handles.Get<System.Collections.IEnumerator>(Json.Long(call.Body, "ref")),
                Math.Clamp(Json.Int(call.Body, "count"), 1, InProcessWorld.MaxTakenBatches),
                Math.Clamp(Json.Int(call.Body, "stepRounds"), 0, InProcessWorld.MaxStepRounds), () => TimeSpan.Zero).Outputs, payload),
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

    // Timed work (the parent counts this process's CPU time around the call): each kept list collated once and
    // summarised here, so that only digests and small tensors go back.
    private IReadOnlyList<IReadOnlyList<TensorSummary>> CollateEach(BoundaryCall call)
    {
        var lists = host.Handles.Get<IReadOnlyList<IReadOnlyList<Tensor[]>>>(Json.Long(call.Body, "lists"));
        var collate = Exercises.Collate.Of(Recorded) ?? throw new MissingExerciseException(Exercises.Collate.StudentName);
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
}
