using System.Text.Json.Nodes;
using TinyTorch;
using TinyTorch.Data;
using TinyTorch.Transforms;

namespace Course.Boundary.Tests;

public sealed class ObjectHostTests
{
    private readonly ObjectHost _parent = new("parent", "runner");
    private readonly ObjectHost _runner = new("runner", "parent");

    [Fact]
    public void Tensors_cross_by_value_and_remember_whose_object_they_came_from()
    {
        Tensor a = new([1f, 2f, 3f, 4f], 2, 2), b = new([5f], []);
        var payload = new Payload();
        JsonObject value = _runner.WriteTensors([a, b], payload);

        Tensor[] read = _parent.ReadTensors(value, payload.ToMemory());

        Assert.Equal(2, read.Length);
        Assert.Equal([2, 2], read[0].Shape);
        Assert.Equal(a.Values.ToArray(), read[0].Values.ToArray());
        Assert.Empty(read[1].Shape);
        Assert.Equal(_runner.Handles.Register(a), _parent.PeerIdOf(read[0]));
        Assert.Same(b, _runner.Handles.Get<Tensor>(_parent.PeerIdOf(read[1])!.Value));
        Assert.NotSame(a, read[0]);
    }

    [Fact]
    public void Tensors_sent_by_value_only_have_no_handle_on_the_other_side()
    {
        var payload = new Payload();
        JsonObject value = ObjectHost.WriteValues([new Tensor([1f], 1)], payload);

        Tensor read = _parent.ReadTensor(value, payload.ToMemory());

        Assert.Null(_parent.PeerIdOf(read));
    }

    [Fact]
    public void Several_values_in_one_payload_are_each_read_from_their_own_place()
    {
        var payload = new Payload();
        JsonObject first = _runner.WriteTensor(new Tensor([1f], 1), payload);
        JsonObject second = _runner.WriteTensor(new Tensor([2f, 3f], 2), payload);

        Assert.Equal([2f, 3f], _parent.ReadTensor(second, payload.ToMemory()).Values.ToArray());
        Assert.Equal([1f], _parent.ReadTensor(first, payload.ToMemory()).Values.ToArray());
    }

    [Fact]
    public void Reading_one_tensor_where_several_came_is_refused()
    {
        var payload = new Payload();
        JsonObject value = _runner.WriteTensors([new Tensor([1f], 1), new Tensor([1f], 1)], payload);

        Assert.Contains("2 came", Assert.Throws<BoundaryProtocolException>(() => _parent.ReadTensor(value, payload.ToMemory())).Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> MalformedValues =>
    [
        "null",
        "5",
        "[]",
        "{}",
        "{\"b\":0}",
        "{\"k\":1}",
        "{\"b\":\"0\",\"k\":1}",
        "{\"b\":0,\"k\":1.5}",
        "{\"b\":-1,\"k\":1}",
        "{\"b\":0,\"k\":-1}",
        "{\"b\":0,\"k\":2147483647}",
        "{\"b\":0,\"k\":4294967296}",
        "{\"b\":9223372036854775807,\"k\":1}",
        "{\"b\":1000,\"k\":0}",
        "{\"b\":17,\"k\":1}",
        "{\"b\":0,\"k\":3}",
    ];

    [Theory]
    [MemberData(nameof(MalformedValues))]
    public void A_malformed_tensor_value_is_refused(string json)
    {
        var payload = new Payload();
        _runner.WriteTensor(new Tensor([1f, 2f], 2), payload);

        Assert.Throws<BoundaryProtocolException>(() => _parent.ReadTensors(JsonNode.Parse(json), payload.ToMemory()));
    }

    [Fact]
    public void More_tensors_in_one_value_than_the_limit_are_refused_before_any_is_made()
    {
        // Each empty tensor's record is 16 bytes; a frame could hold millions, each costing far more once read.
        int count = ObjectHost.MaxTensorsPerValue + 1;
        byte[] payload = [.. Enumerable.Range(0, count).SelectMany(_ => TensorRecordsTests.Record(1, [0], 0, 0))];
        var value = new JsonObject { ["b"] = 0, ["k"] = count };

        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<BoundaryProtocolException>(() => _parent.ReadTensors(value, payload));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 << 10);
        Assert.Contains($"{ObjectHost.MaxTensorsPerValue:N0}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void As_many_tensors_as_the_limit_are_read()
    {
        int count = ObjectHost.MaxTensorsPerValue;
        byte[] payload = [.. Enumerable.Range(0, count).SelectMany(_ => TensorRecordsTests.Record(1, [0], 0, 0))];

        Assert.Equal(count, _parent.ReadTensors(new JsonObject { ["b"] = 0, ["k"] = count }, payload).Length);
    }

    [Fact]
    public void A_reference_to_ones_own_object_resolves_to_it()
    {
        var dataset = new ListDataset();
        JsonObject reference = _parent.WriteRef(dataset, "dataset");

        Assert.Same(dataset, _parent.ReadRef<Dataset<Tensor[]>>(reference));
    }

    [Fact]
    public void A_reference_to_the_other_sides_object_is_a_proxy_that_refers_back_to_it()
    {
        JsonObject reference = _runner.WriteRef(new ListDataset(), "dataset");

        var proxy = _parent.ReadRef<Dataset<Tensor[]>>(reference);

        Assert.IsType<RemoteDataset>(proxy);
        Assert.Equal(Json.Long(reference, "ref"), ObjectHost.PeerHandleOf(proxy));
        Assert.True(JsonNode.DeepEquals(reference, _parent.Reference(proxy, "dataset")));
    }

    [Theory]
    [InlineData("transform", typeof(RemoteTransform))]
    [InlineData("tensors", typeof(RemoteEnumerable<IReadOnlyList<Tensor>>))]
    [InlineData("ints", typeof(RemoteEnumerable<int>))]
    public void Each_kind_of_the_other_sides_objects_has_its_proxy(string kind, Type proxy)
    {
        Assert.IsType(proxy, _parent.ReadRef<object>(new JsonObject { ["ref"] = 3, ["owner"] = "runner", ["kind"] = kind }));
    }

    [Theory]
    [InlineData("{\"ref\":1,\"owner\":\"someone else\",\"kind\":\"dataset\"}", "'someone else'")]
    [InlineData("{\"ref\":1,\"owner\":\"runner\",\"kind\":\"loader\"}", "kind 'loader'")]
    [InlineData("{\"ref\":1,\"owner\":\"runner\",\"kind\":\"transform\"}", "not a Dataset")]
    [InlineData("{\"ref\":99,\"owner\":\"parent\",\"kind\":\"dataset\"}", "handle 99")]
    [InlineData("{\"ref\":\"1\",\"owner\":\"runner\",\"kind\":\"dataset\"}", "'ref'")]
    [InlineData("{\"ref\":1,\"kind\":\"dataset\"}", "'owner'")]
    [InlineData("{\"ref\":1,\"owner\":\"runner\"}", "'kind'")]
    [InlineData("[1]", "a reference")]
    public void A_reference_that_is_malformed_unknown_or_of_another_kind_is_refused_naming_what(string json, string named)
    {
        var error = Assert.Throws<BoundaryProtocolException>(() => _parent.ReadRef<Dataset<Tensor[]>>(JsonNode.Parse(json)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_to_ones_own_object_of_another_type_is_refused()
    {
        JsonObject reference = _parent.WriteRef(new Tensor([1f], 1), "tensor");

        Assert.Throws<BoundaryProtocolException>(() => _parent.ReadRef<ITransform>(reference));
    }

    [Fact]
    public void Serving_a_dataset_gives_its_samples_by_value()
    {
        var dataset = new ListDataset(new Tensor([1f, 2f], 2), new Tensor([3f], 1));
        long id = _runner.Handles.Register(dataset);

        Assert.True(_runner.TryServe(new BoundaryCall("dataset.get", new JsonObject { ["ref"] = id, ["index"] = 1 }, ReadOnlyMemory<byte>.Empty), out BoundaryReply reply));

        Tensor[] sample = _parent.ReadTensors(reply.Body["sample"], reply.Payload);
        Assert.Equal([3f], sample[0].Values.ToArray());
        Assert.Same(dataset[1][0], _runner.Handles.Get<Tensor>(_parent.PeerIdOf(sample[0])!.Value));
    }

    [Fact]
    public void Serving_a_call_on_a_released_handle_is_refused_naming_it()
    {
        long id = _runner.Handles.Register(new ListDataset());
        Assert.True(_runner.TryServe(new BoundaryCall("handles.release", [], ReadOnlyMemory<byte>.Empty), out _));

        var error = Assert.Throws<BoundaryProtocolException>(() =>
            _runner.TryServe(new BoundaryCall("dataset.count", new JsonObject { ["ref"] = id }, ReadOnlyMemory<byte>.Empty), out _));

        Assert.Contains($"handle {id}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operation_no_object_answers_is_left_to_the_service()
    {
        Assert.False(_runner.TryServe(new BoundaryCall("exercise.flip", [], ReadOnlyMemory<byte>.Empty), out _));
    }

    [Fact]
    public void A_proxy_dataset_reads_the_other_sides_samples_through_the_channel()
    {
        var dataset = new ListDataset(new Tensor([7f], 1));
        using var pair = new ChannelPair(Serve(_parent), Serve(_runner));
        _parent.Channel = pair.Parent;
        _runner.Channel = pair.Runner;

        var proxy = _parent.ReadRef<Dataset<Tensor[]>>(_runner.WriteRef(dataset, "dataset"));

        Assert.Equal(1, Within.Run(() => proxy.Count));
        Assert.Equal([7f], Within.Run(() => proxy[0])[0].Values.ToArray());
        var translated = Within.Throws<ArgumentOutOfRangeException>(() => _ = proxy[5]);
        Assert.Contains("5", translated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proxy_enumeration_steps_through_the_other_sides_sequence_and_closes_it()
    {
        var source = new CountingSequence(3);
        using var pair = new ChannelPair(Serve(_parent), Serve(_runner));
        _parent.Channel = pair.Parent;
        _runner.Channel = pair.Runner;

        var proxy = _parent.ReadRef<IEnumerable<int>>(_runner.WriteRef(source, "ints"));

        Assert.Equal([0, 1, 2], Within.Run(() => proxy.ToList()));
        Assert.Equal(1, source.Disposed);
    }

    private static Func<BoundaryCall, BoundaryReply> Serve(ObjectHost host) => call =>
        host.TryServe(call, out BoundaryReply reply) ? reply : throw new InvalidOperationException($"No operation {call.Operation}.");

    private sealed class ListDataset(params Tensor[] items) : Dataset<Tensor[]>
    {
        public override int Count => items.Length;

        public override Tensor[] this[int index] => index >= 0 && index < items.Length
            ? [items[index]]
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"Index {index} is outside the dataset.");
    }

    private sealed class CountingSequence(int count) : IEnumerable<int>
    {
        public int Disposed { get; private set; }

        public IEnumerator<int> GetEnumerator()
        {
            try
            {
                for (int i = 0; i < count; i++)
                {
                    yield return i;
                }
            }
            finally
            {
                Disposed++;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
