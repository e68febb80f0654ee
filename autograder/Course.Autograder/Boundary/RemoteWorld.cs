using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Course.Boundary;
using Course.Specs.Core;
using TinyTorch;
using TinyTorch.Data;

namespace Course.Autograder.Boundary;

/// <summary>
/// The code under test runs in the sandboxed runner: identity, writes and re-reads of tensors are asked of the
/// runner's own objects, made-up datasets are made there, and CPU time and bytes read are what the kernel counted
/// for the runner's processes while a check's call ran.
/// </summary>
/// <param name="host">The parent's end of the boundary.</param>
/// <param name="meter">The runner's process tree.</param>
/// <param name="scratchFolder">A folder both sides see (the runner's work folder).</param>
public sealed class RemoteWorld(ObjectHost host, ProcessTreeMeter meter, string scratchFolder) : ISpecWorld, ICpuMeter
{
    /// <summary>The most batches a timed run may report.</summary>
    public const int MaxOutputs = 100_000;

    // Sample lists the runner keeps (samples.keep), by the parent's list object; forgotten when handles are released.
    private ConditionalWeakTable<object, StrongBox<long>> _kept = new();

    /// <inheritdoc />
    public string ScratchFolder => scratchFolder;

    /// <inheritdoc />
    public TimeSpan CpuUsed() => meter.ProcessCpu();

    /// <inheritdoc />
    public long MessagesReceived() => host.Channel?.FramesReceived ?? 0;

    /// <inheritdoc />
    public bool SameObject(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return (host.PeerIdOf(a), host.PeerIdOf(b)) switch
        {
            (long x, long y) => Json.Bool(host.Call("tensor.same", new JsonObject { ["a"] = x, ["b"] = y }).Body, "same"),
            (null, null) => ReferenceEquals(a, b),
            _ => false,
        };
    }

    /// <inheritdoc />
    public void Fill(Tensor tensor, float value)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        tensor.AsSpan().Fill(value);
        if (host.PeerIdOf(tensor) is long id)
        {
            host.Call("tensor.fill", new JsonObject { ["id"] = id, ["value"] = value });
        }
    }

    /// <inheritdoc />
    public Tensor Refresh(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (host.PeerIdOf(tensor) is not long id)
        {
            return tensor;
        }

        BoundaryReply reply = host.Call("tensor.read", new JsonObject { ["id"] = id });
        return host.ReadTensor(reply.Body["tensor"], reply.Payload);
    }

    /// <inheritdoc />
    public Dataset<Tensor[]> Synthetic(int count, int features, bool prebuilt = false) =>
        host.ReadRef<Dataset<Tensor[]>>(host.Call("synthetic", new JsonObject { ["count"] = count, ["features"] = features, ["prebuilt"] = prebuilt }).Body["dataset"]);

    /// <inheritdoc />
    public void Settle() => host.Call("gc.collect", new JsonObject());

    /// <inheritdoc />
    public TimeSpan StudentCpu(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Settle();
        TimeSpan start = meter.Cpu();
        action();
        return meter.Cpu() - start;
    }

    /// <inheritdoc />
    public TimedRun CollateEach(Func<IReadOnlyList<Tensor[]>, Tensor[]> collate, IReadOnlyList<IReadOnlyList<Tensor[]>> sampleLists)
    {
        ArgumentNullException.ThrowIfNull(collate);
        ArgumentNullException.ThrowIfNull(sampleLists);
        if (collate.Target is not RemoteFactory { Host: var owner, Operation: var operation } || owner != host || operation != Exercises.Collate.Operation)
        {
            return InProcessWorld.Instance.CollateEach(collate, sampleLists);
        }

        long lists = Kept(sampleLists);
        return Timed("collate.each", new JsonObject { ["lists"] = lists });
    }

    /// <inheritdoc />
    public TimedRun Drain(IEnumerable<IReadOnlyList<Tensor>> batches, int epochs = 1)
    {
        ArgumentNullException.ThrowIfNull(batches);
        return ObjectHost.PeerHandleOf(batches) is long id
            ? Timed("enumerable.drain", new JsonObject { ["ref"] = id, ["epochs"] = epochs })
            : InProcessWorld.Instance.Drain(batches, epochs);
    }

    /// <inheritdoc />
    public TimedRun DrainAfterFirst(IEnumerable<IReadOnlyList<Tensor>> batches, int count, int stepRounds)
    {
        ArgumentNullException.ThrowIfNull(batches);
        InProcessWorld.ThrowIfTakeOutOfRange(count, stepRounds);
        if (ObjectHost.PeerHandleOf(batches) is not long id)
        {
            return InProcessWorld.Instance.DrainAfterFirst(batches, count, stepRounds);
        }

        // The epoch begins and yields its first batch in calls of their own, so that the kernel's count of the runner's
        // CPU time is read between the epoch's start and the batches after it.
        long epoch = Json.Long(Json.Object(host.Call("enumerable.begin", new JsonObject { ["ref"] = id }).Body, "enumerator"), "ref");
        try
        {
            var first = ReadOutputs(host.Call("enumerator.take", new JsonObject { ["ref"] = epoch, ["count"] = 1, ["stepRounds"] = 0 }));
            TimedRun rest = Timed("enumerator.take", new JsonObject { ["ref"] = epoch, ["count"] = count, ["stepRounds"] = stepRounds });
            return new TimedRun(rest.Cpu, [.. first, .. rest.Outputs]);
        }
        finally
        {
            try
            {
                host.Call("enumerator.close", new JsonObject { ["ref"] = epoch });
            }
            catch (BoundaryProtocolException)
            {
                // The runner is gone: nothing is left to close, and what ended it is the error that counts.
            }
        }
    }

    /// <summary>Forgets what the runner kept for timed work: its handles were released (after each check).</summary>
    public void Forget() => _kept = new();

    /// <inheritdoc />
    public long StudentBytesRead(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        long start = meter.BytesRead();
        action();
        return meter.BytesRead() - start;
    }

    private long Kept(IReadOnlyList<IReadOnlyList<Tensor[]>> lists)
    {
        if (_kept.TryGetValue(lists, out var kept))
        {
            return kept.Value;
        }

        var payload = new Payload();
        BoundaryReply reply = host.Call("samples.keep", host.WriteSamples(lists, payload), payload);
        long id = Json.Long(Json.Object(reply.Body, "lists"), "ref");
        _kept.AddOrUpdate(lists, new StrongBox<long>(id));
        return id;
    }

    // The runner's CPU time around one call, as the kernel counts it, and what the call says it made. A forwarded
    // reference call the work makes (Tensor.Stack, once per batch in a loader) is part of its cost: the same for every
    // loader, and growing with the batches, so it moves no scaling check.
    private TimedRun Timed(string operation, JsonObject body)
    {
        Settle();
        TimeSpan start = meter.Cpu();
        BoundaryReply reply = host.Call(operation, body);
        TimeSpan cpu = meter.Cpu() - start;
        return new TimedRun(cpu, ReadOutputs(reply));
    }

    private static List<IReadOnlyList<TensorSummary>> ReadOutputs(BoundaryReply reply)
    {
        JsonArray outputs = Json.Array(reply.Body, "outputs");
        if (outputs.Count > MaxOutputs)
        {
            throw new BoundaryProtocolException($"The runner reported {outputs.Count:N0} batches of timed work; at most {MaxOutputs:N0} are read.");
        }

        return outputs.Select(batch => (IReadOnlyList<TensorSummary>)(batch as JsonArray ?? throw new BoundaryProtocolException("A batch of timed work is not an array."))
            .Select(t => ReadSummary(Json.AsObject(t, "a tensor summary"), reply.Payload)).ToList()).ToList();
    }

    private static TensorSummary ReadSummary(JsonObject node, ReadOnlyMemory<byte> payload)
    {
        JsonArray shapeNodes = Json.Array(node, "shape");
        if (shapeNodes.Count > ObjectHost.MaxRank)
        {
            throw new BoundaryProtocolException($"A tensor summary has {shapeNodes.Count} dimensions; at most {ObjectHost.MaxRank} are accepted.");
        }

        int[] shape = shapeNodes.Select(d => d is JsonValue v && v.TryGetValue(out int n) && n >= 0
            ? n
            : throw new BoundaryProtocolException("A tensor summary's shape holds something other than a non-negative integer.")).ToArray();
        string digestText = Json.String(node, "digest");
        if (digestText.Length != 16 || !ulong.TryParse(digestText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong digest))
        {
            throw new BoundaryProtocolException("A tensor summary's digest is not 16 hexadecimal digits.");
        }

        float[]? values = null;
        if (node.ContainsKey("o"))
        {
            int count = Json.Int(node, "n");
            long length = shape.Aggregate(1L, (a, b) => Math.Min(a * b, TensorSummary.SmallValues + 1L));
            if (count > TensorSummary.SmallValues || count != length)
            {
                throw new BoundaryProtocolException($"A tensor summary of shape [{string.Join(", ", shape)}] came with {count:N0} values; a summary carries all of a tensor's values, and only up to {TensorSummary.SmallValues:N0}.");
            }

            values = Payload.Read(payload, Json.Long(node, "o"), count);
        }

        return new TensorSummary(shape, digest, values);
    }
}
