using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using TinyTorch;
using TinyTorch.Data;
using TinyTorch.Transforms;

namespace Course.Boundary;

/// <summary>
/// One side's objects on the boundary: how values and references are written and read, the operations every
/// object kind answers (a dataset's count and samples, a transform's apply, an enumeration's steps, a tensor's
/// values), and proxies for the other side's objects, which behave like local ones.
/// </summary>
/// <remarks>
/// <para>Tensors cross by value (shape and float32 values) together with the sender's handle of the object they
/// came from, so that the receiver can later ask about that very object: refresh its values, fill it, compare it
/// with another (what aliasing checks need). A side that receives tensors in a call also answers with the handles
/// of the copies it made (<c>received</c>).</para>
/// <para>Other objects cross by reference (<c>{"ref": 7, "owner": "runner", "kind": "dataset"}</c>); a reference
/// to one's own object resolves to it, a reference to the other side's to a proxy.</para>
/// </remarks>
public sealed class ObjectHost
{
    /// <summary>The largest tensor accepted (values), so a hostile peer cannot make the other side allocate without bound.</summary>
    public const long MaxTensorValues = 32L << 20;

    /// <summary>The most tensors one value may hold (a batch of samples holds a few hundred).</summary>
    public const int MaxTensorsPerValue = 1 << 16;

    /// <summary>The most dimensions a tensor may have.</summary>
    public const int MaxRank = 8;

    /// <summary>The handle of a tensor sent by value only (<see cref="WriteValues"/>): the other side cannot refer back to it.</summary>
    public const long Unregistered = 0;

    private readonly ConditionalWeakTable<Tensor, StrongBox<long>> _peerIds = new();

    /// <summary>Creates one side's host.</summary>
    /// <param name="self">This side's name (<c>runner</c> or <c>parent</c>).</param>
    /// <param name="peer">The other side's name.</param>
    public ObjectHost(string self, string peer)
    {
        Self = self;
        Peer = peer;
    }

    /// <summary>This side's name.</summary>
    public string Self { get; }

    /// <summary>The other side's name.</summary>
    public string Peer { get; }

    /// <summary>This side's objects.</summary>
    public HandleTable Handles { get; } = new();

    /// <summary>The channel to the other side (set once it exists).</summary>
    public BoundaryChannel? Channel { get; set; }

    /// <summary>Writes a tensor (registering it here): its record goes in the payload, the JSON says where.</summary>
    /// <param name="tensor">The tensor.</param>
    /// <param name="payload">Where its record goes.</param>
    /// <returns>The JSON value.</returns>
    public JsonObject WriteTensor(Tensor tensor, Payload payload)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return WriteTensors([tensor], payload);
    }

    /// <summary>Reads a tensor the other side wrote, remembering which of its objects it came from.</summary>
    /// <param name="node">The JSON value.</param>
    /// <param name="payload">The frame's payload.</param>
    /// <returns>A local tensor with its values.</returns>
    /// <exception cref="BoundaryProtocolException">The value is malformed or too large.</exception>
    public Tensor ReadTensor(JsonNode? node, ReadOnlyMemory<byte> payload)
    {
        Tensor[] tensors = ReadTensors(node, payload);
        return tensors.Length == 1 ? tensors[0] : throw new BoundaryProtocolException($"Expected one tensor, but {tensors.Length} came.");
    }

    /// <summary>Writes tensors (registering each here): their records go in the payload one after another.</summary>
    /// <param name="tensors">The tensors.</param>
    /// <param name="payload">Where their records go.</param>
    /// <returns>The JSON value: where the records start and how many there are.</returns>
    public JsonObject WriteTensors(IEnumerable<Tensor> tensors, Payload payload)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(payload);
        long start = payload.Length;
        int count = 0;
        foreach (Tensor tensor in tensors)
        {
            payload.Add(tensor ?? throw new InvalidOperationException("A null tensor cannot cross the grading boundary."), Handles.Register(tensor));
            count++;
        }

        return new JsonObject { ["b"] = start, ["k"] = count };
    }

    /// <summary>
    /// Writes tensors by value only, unregistered: arguments of a forwarded reference operation, which the other
    /// side uses once and never refers back to (so the writer spends nothing on keeping them).
    /// </summary>
    /// <param name="tensors">The tensors.</param>
    /// <param name="payload">Where their records go.</param>
    /// <returns>The JSON value.</returns>
    public static JsonObject WriteValues(IEnumerable<Tensor> tensors, Payload payload)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(payload);
        long start = payload.Length;
        int count = 0;
        foreach (Tensor tensor in tensors)
        {
            payload.Add(tensor ?? throw new InvalidOperationException("A null tensor cannot cross the grading boundary."), Unregistered);
            count++;
        }

        return new JsonObject { ["b"] = start, ["k"] = count };
    }

    /// <summary>Reads tensors the other side wrote, remembering which of its objects each came from.</summary>
    /// <param name="node">The JSON value.</param>
    /// <param name="payload">The frame's payload.</param>
    /// <returns>The tensors.</returns>
    /// <exception cref="BoundaryProtocolException">
    /// The value or a record is malformed or too large: more than <see cref="MaxTensorsPerValue"/> tensors, a tensor
    /// of more than <see cref="MaxRank"/> dimensions or <see cref="MaxTensorValues"/> values, records outside the payload.
    /// </exception>
    public Tensor[] ReadTensors(JsonNode? node, ReadOnlyMemory<byte> payload)
    {
        JsonObject value = Json.AsObject(node, "tensors");
        long start = Json.Long(value, "b");
        int count = Json.Int(value, "k");
        // Checked before the array is made. A record is at least 12 bytes, but a tensor read costs far more than
        // its record (objects, arrays): a frame full of empty records would make millions of them, hence the limit.
        if (count > MaxTensorsPerValue)
        {
            throw new BoundaryProtocolException($"A value of {count:N0} tensors came; at most {MaxTensorsPerValue:N0} are read at once.");
        }

        if (start < 0 || start > payload.Length || count < 0 || count > (payload.Length - start) / 12)
        {
            throw new BoundaryProtocolException($"{count:N0} tensors at byte {start:N0} do not fit the frame's {payload.Length:N0}-byte payload.");
        }

        var tensors = new Tensor[count];
        int offset = (int)start;
        for (int i = 0; i < count; i++)
        {
            var (tensor, handle) = TensorRecords.Read(payload.Span, ref offset);
            if (handle != Unregistered)
            {
                _peerIds.AddOrUpdate(tensor, new StrongBox<long>(handle));
            }

            tensors[i] = tensor;
        }

        return tensors;
    }

    /// <summary>The other side's handle of the object a local tensor came from or was copied to, if any.</summary>
    /// <param name="tensor">A local tensor.</param>
    /// <returns>The handle, or null when it never crossed.</returns>
    public long? PeerIdOf(Tensor tensor) => _peerIds.TryGetValue(tensor, out var id) ? id.Value : null;

    /// <summary>Records that the other side holds a copy of a local tensor under a handle (from a <c>received</c> list).</summary>
    /// <param name="tensor">The local tensor that was sent.</param>
    /// <param name="peerId">The handle of the other side's copy.</param>
    public void RememberCopy(Tensor tensor, long peerId) => _peerIds.AddOrUpdate(tensor, new StrongBox<long>(peerId));

    /// <summary>Writes a reference to a local object.</summary>
    /// <param name="value">The object.</param>
    /// <param name="kind">What it is (<c>dataset</c>, <c>transform</c>, <c>tensors</c> or <c>ints</c> for enumerables, <c>loader</c>).</param>
    /// <returns>The reference.</returns>
    public JsonObject WriteRef(object value, string kind) => new() { ["ref"] = Handles.Register(value), ["owner"] = Self, ["kind"] = kind };

    /// <summary>
    /// A reference to an object for the other side: a proxy of one of its objects refers back to that object, any
    /// other object is registered here.
    /// </summary>
    /// <param name="value">A local object or a proxy.</param>
    /// <param name="kind">What it is, when it is local.</param>
    /// <returns>The reference.</returns>
    public JsonObject Reference(object value, string kind) => value switch
    {
        RemoteDataset d => new JsonObject { ["ref"] = d.Id, ["owner"] = Peer, ["kind"] = "dataset" },
        RemoteTransform t => new JsonObject { ["ref"] = t.Id, ["owner"] = Peer, ["kind"] = "transform" },
        RemoteEnumerable<int> e => new JsonObject { ["ref"] = e.Id, ["owner"] = Peer, ["kind"] = "ints" },
        RemoteEnumerable<IReadOnlyList<Tensor>> e => new JsonObject { ["ref"] = e.Id, ["owner"] = Peer, ["kind"] = "tensors" },
        _ => WriteRef(value, kind),
    };

    /// <summary>
    /// Turns a failure of the other side into the exception local code should see (by default the nearest standard
    /// exception, <see cref="ExceptionCodec.Rebuild"/>); the parent also recognises the runner's withheld references.
    /// </summary>
    public Func<BoundaryRemoteException, Exception> Translate { get; set; } = failure => ExceptionCodec.Rebuild(failure.Description);

    /// <summary>Reads a reference: a local object, or a proxy for the other side's.</summary>
    /// <typeparam name="T">What the operation needs.</typeparam>
    /// <param name="node">The reference.</param>
    /// <returns>The object or its proxy.</returns>
    /// <exception cref="BoundaryProtocolException">The reference is malformed, unknown or of another kind.</exception>
    public T ReadRef<T>(JsonNode? node)
        where T : class
    {
        JsonObject reference = Json.AsObject(node, "a reference");
        long id = Json.Long(reference, "ref");
        string owner = Json.String(reference, "owner");
        if (owner == Self)
        {
            return Handles.Get<T>(id);
        }

        if (owner != Peer)
        {
            throw new BoundaryProtocolException($"A reference is owned by '{owner}', neither {Self} nor {Peer}.");
        }

        object proxy = Json.String(reference, "kind") switch
        {
            "dataset" => new RemoteDataset(this, id),
            "transform" => new RemoteTransform(this, id),
            "tensors" => new RemoteEnumerable<IReadOnlyList<Tensor>>(this, id),
            "ints" => new RemoteEnumerable<int>(this, id),
            var kind => throw new BoundaryProtocolException($"A reference is of kind '{kind}', which no proxy stands for."),
        };
        return proxy as T ?? throw new BoundaryProtocolException($"A reference of kind '{reference["kind"]}' is not a {typeof(T).Name}.");
    }

    /// <summary>Calls the other side, in the channel's terms.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="body">Its arguments.</param>
    /// <param name="payload">Binary data they refer to.</param>
    /// <returns>The reply.</returns>
    /// <exception cref="BoundaryProtocolException">The channel ended.</exception>
    public BoundaryReply Call(string operation, JsonObject body, Payload? payload = null)
    {
        BoundaryChannel channel = Channel ?? throw new InvalidOperationException("The boundary has no channel yet.");
        try
        {
            return channel.Call(operation, body, payload);
        }
        catch (BoundaryRemoteException failure)
        {
            throw Translate(failure);
        }
    }

    /// <summary>Serves the operations every object kind answers; false for an operation this host does not know.</summary>
    /// <param name="call">The call.</param>
    /// <param name="reply">The reply, when served.</param>
    /// <returns>Whether it was served.</returns>
    public bool TryServe(BoundaryCall call, out BoundaryReply reply)
    {
        ArgumentNullException.ThrowIfNull(call);
        var payload = new Payload();
        JsonObject? body = call.Operation switch
        {
            "dataset.count" => new JsonObject { ["count"] = Handles.Get<Dataset<Tensor[]>>(Json.Long(call.Body, "ref")).Count },
            "dataset.get" => new JsonObject
            {
                ["sample"] = WriteTensors(Handles.Get<Dataset<Tensor[]>>(Json.Long(call.Body, "ref"))[Json.Int(call.Body, "index")] ?? [], payload),
            },
            "transform.apply" => Apply(call, payload),
            "enumerable.begin" => new JsonObject
            {
                ["enumerator"] = WriteRef(((IEnumerable)Handles.Get<IEnumerable>(Json.Long(call.Body, "ref"))).GetEnumerator(), "enumerator"),
            },
            "enumerator.next" => Next(Handles.Get<IEnumerator>(Json.Long(call.Body, "ref")), payload),
            "enumerator.close" => Close(Handles.Get<IEnumerator>(Json.Long(call.Body, "ref"))),
            "tensor.read" => new JsonObject { ["tensor"] = WriteTensor(Handles.Get<Tensor>(Json.Long(call.Body, "id")), payload) },
            "tensor.fill" => Fill(Handles.Get<Tensor>(Json.Long(call.Body, "id")), (float)Json.Double(call.Body, "value")),
            "tensor.same" => new JsonObject { ["same"] = ReferenceEquals(Handles.Get<Tensor>(Json.Long(call.Body, "a")), Handles.Get<Tensor>(Json.Long(call.Body, "b"))) },
            "handles.release" => Released(),
            "samples.keep" => new JsonObject { ["lists"] = WriteRef(KeepSamples(call), "samples") },
            _ => null,
        };
        reply = body is null ? BoundaryReply.Empty : new BoundaryReply(body, payload.ToMemory());
        return body is not null;
    }

    /// <summary>The handles of the local copies of the tensors a call brought, for its reply.</summary>
    /// <param name="tensors">The tensors read from the call.</param>
    /// <returns>A JSON array of handles.</returns>
    public JsonArray Received(IEnumerable<Tensor> tensors) => new(tensors.Select(t => (JsonNode?)Handles.Register(t)).ToArray());

    /// <summary>The other side's handle of a proxy (a dataset, transform or sequence that lives there), or null for a local object.</summary>
    /// <param name="value">An object.</param>
    /// <returns>The handle, or null.</returns>
    public static long? PeerHandleOf(object value) => value switch
    {
        RemoteDataset d => d.Id,
        RemoteTransform t => t.Id,
        RemoteEnumerable<int> e => e.Id,
        RemoteEnumerable<IReadOnlyList<Tensor>> e => e.Id,
        _ => null,
    };

    /// <summary>Writes lists of samples for <c>samples.keep</c>: kept by the other side until released, so timed work can use them without carrying them.</summary>
    /// <param name="lists">Lists of samples, each a list of tensors.</param>
    /// <param name="payload">Where their values go.</param>
    /// <returns>The call's body.</returns>
    public JsonObject WriteSamples(IReadOnlyList<IReadOnlyList<Tensor[]>> lists, Payload payload)
    {
        ArgumentNullException.ThrowIfNull(lists);
        return new JsonObject
        {
            ["lists"] = new JsonArray(lists.Select(list => (JsonNode?)new JsonArray(list.Select(sample => (JsonNode?)WriteTensors(sample, payload)).ToArray())).ToArray()),
        };
    }

    private IReadOnlyList<IReadOnlyList<Tensor[]>> KeepSamples(BoundaryCall call) =>
        Json.Array(call.Body, "lists")
            .Select(list => (IReadOnlyList<Tensor[]>)(list as JsonArray ?? throw new BoundaryProtocolException("Expected a list of samples.")).Select(sample => ReadTensors(sample, call.Payload)).ToList())
            .ToList();

    private JsonObject Apply(BoundaryCall call, Payload payload)
    {
        var transform = Handles.Get<ITransform>(Json.Long(call.Body, "ref"));
        Tensor input = ReadTensor(call.Body["input"], call.Payload);
        Tensor output = transform.Apply(input) ?? throw new InvalidOperationException("The transform returned null.");
        return new JsonObject { ["output"] = WriteTensor(output, payload), ["received"] = Received([input]) };
    }

    private JsonObject Next(IEnumerator enumerator, Payload payload)
    {
        if (!enumerator.MoveNext())
        {
            return new JsonObject { ["done"] = true };
        }

        return enumerator.Current switch
        {
            int item => new JsonObject { ["int"] = item },
            IEnumerable<Tensor> tensors => new JsonObject { ["tensors"] = WriteTensors(tensors, payload) },
            null => throw new InvalidOperationException("The enumeration produced null."),
            var other => throw new InvalidOperationException($"The enumeration produced a {other.GetType().Name}, which cannot cross the grading boundary."),
        };
    }

    private static JsonObject Close(IEnumerator enumerator)
    {
        (enumerator as IDisposable)?.Dispose();
        return [];
    }

    private static JsonObject Fill(Tensor tensor, float value)
    {
        tensor.AsSpan().Fill(value);
        return [];
    }

    private JsonObject Released()
    {
        Handles.Release();
        return [];
    }
}
