using System.Text;
using System.Text.Json.Nodes;

namespace Course.Boundary.Tests;

public sealed class FrameCodecTests
{
    public static TheoryData<FrameKind> Kinds => [FrameKind.Call, FrameKind.Result, FrameKind.Failure];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_of_frame_comes_back_as_it_was_written(FrameKind kind)
    {
        var body = new JsonObject { ["n"] = 7, ["s"] = "text", ["list"] = new JsonArray(1, 2, 3), ["inner"] = new JsonObject { ["x"] = 1.5 } };
        byte[] payload = [1, 2, 3, 4, 5];

        Frame read = RoundTrip(new Frame(long.MaxValue, kind, "dataset.get", -3, body, payload));

        Assert.Equal(long.MaxValue, read.Id);
        Assert.Equal(kind, read.Kind);
        Assert.Equal("dataset.get", read.Operation);
        Assert.Equal(-3, read.Origin);
        Assert.True(JsonNode.DeepEquals(body, read.Body));
        Assert.Equal(payload, read.Payload.ToArray());
    }

    [Fact]
    public void A_frame_with_nothing_in_it_comes_back_empty()
    {
        Frame read = RoundTrip(new Frame(0, FrameKind.Result, string.Empty, 0, [], ReadOnlyMemory<byte>.Empty));

        Assert.Equal(string.Empty, read.Operation);
        Assert.Empty(read.Body);
        Assert.Equal(0, read.Payload.Length);
    }

    [Theory]
    [InlineData("données.lire")]
    [InlineData("張量.讀")]
    [InlineData("tensor.🧮")]
    public void Operation_names_outside_ascii_come_back_whole(string name)
    {
        Assert.Equal(name, RoundTrip(new Frame(1, FrameKind.Call, name, 0, new JsonObject { [name] = name }, ReadOnlyMemory<byte>.Empty)).Operation);
    }

    [Fact]
    public void Frames_written_one_after_another_are_read_one_by_one_and_then_the_end()
    {
        using var stream = new MemoryStream();
        for (int i = 1; i <= 3; i++)
        {
            FrameCodec.Write(stream, new Frame(i, FrameKind.Call, "op" + i, 0, new JsonObject { ["i"] = i }, new byte[i]));
        }

        stream.Position = 0;
        for (int i = 1; i <= 3; i++)
        {
            Frame frame = FrameCodec.Read(stream)!;
            Assert.Equal(i, frame.Id);
            Assert.Equal(i, frame.Payload.Length);
        }

        Assert.Null(FrameCodec.Read(stream));
    }

    [Fact]
    public void A_stream_that_hands_out_one_byte_at_a_time_still_gives_whole_frames()
    {
        using var stream = new MemoryStream();
        FrameCodec.Write(stream, new Frame(9, FrameKind.Result, string.Empty, 0, new JsonObject { ["a"] = "b" }, new byte[100]));

        Frame read = FrameCodec.Read(new TrickleStream(stream.ToArray()))!;

        Assert.Equal(9, read.Id);
        Assert.Equal(100, read.Payload.Length);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(0)]
    [InlineData(WireBytes.FixedHeader - 1)]
    public void A_frame_shorter_than_its_header_is_refused(int declared)
    {
        var error = Refused(WireBytes.Frame(total: declared));

        Assert.Contains($"declared {declared:N0} bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FrameCodec.MaxFrameBytes + 1)]
    [InlineData(int.MaxValue)]
    public void A_frame_longer_than_the_limit_is_refused_before_it_is_read(int declared)
    {
        byte[] bytes = [.. WireBytes.Length(declared), .. new byte[100]];
        using var stream = new MemoryStream(bytes);

        Assert.Throws<BoundaryProtocolException>(() => FrameCodec.Read(stream));
        long allocated = AllocatedReading(bytes);

        Assert.True(allocated < 64 << 10, $"Refusing a {declared:N0}-byte frame allocated {allocated:N0} bytes.");
        Assert.Equal(4, stream.Position);
    }

    [Fact]
    public void The_message_of_an_oversized_frame_names_the_limit()
    {
        var error = Refused(WireBytes.Length(FrameCodec.MaxFrameBytes + 1));

        Assert.Contains($"{FrameCodec.MaxFrameBytes + 1:N0}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{FrameCodec.MaxFrameBytes:N0}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_stream_that_ends_inside_a_length_is_refused(int bytes)
    {
        var error = Refused(WireBytes.Length(100)[..bytes]);

        Assert.Contains("ended inside a frame's length", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_that_ends_inside_a_frame_is_refused()
    {
        byte[] frame = WireBytes.Frame(payload: new byte[50]);

        var error = Refused(frame[..^10]);

        Assert.Contains("ended inside a frame", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frame_that_promises_more_than_it_sends_costs_no_more_than_it_promised()
    {
        byte[] start = [.. WireBytes.Length(1 << 20), .. new byte[1000]];

        long allocated = AllocatedReading(start);

        Assert.True(allocated <= (1 << 20) + (64 << 10), $"Reading a cut-off frame of 1 MB allocated {allocated:N0} bytes.");
    }

    [Fact]
    public void Reading_a_frame_of_values_allocates_about_its_own_size()
    {
        using var stream = new MemoryStream();
        FrameCodec.Write(stream, new Frame(1, FrameKind.Result, string.Empty, 0, new JsonObject { ["b"] = 0 }, new byte[8 << 20]));

        long allocated = AllocatedReading(stream.ToArray());

        Assert.True(allocated < (8 << 20) + (64 << 10), $"Reading an 8 MB frame allocated {allocated:N0} bytes.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(200)]
    [InlineData(255)]
    public void A_frame_of_an_unknown_kind_is_refused_naming_the_kind(byte kind)
    {
        var error = Refused(WireBytes.Frame(kind: kind));

        Assert.Contains($"kind {kind}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(short.MinValue)]
    [InlineData(100)]
    [InlineData(short.MaxValue)]
    public void An_operation_name_that_does_not_fit_the_frame_is_refused(short declared)
    {
        var error = Refused(WireBytes.Frame(opLength: declared));

        Assert.Contains($"operation name of {declared} bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xff })]
    [InlineData(new byte[] { 0xc3 })]
    [InlineData(new byte[] { 0xed, 0xa0, 0x80 })]
    [InlineData(new byte[] { 0xc0, 0xaf })]
    public void An_operation_name_that_is_not_utf8_is_refused(byte[] name)
    {
        var error = Refused(WireBytes.Frame(op: name));

        Assert.Contains("operation name is not UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(3)]
    [InlineData(FrameCodec.MaxJsonBytes + 1)]
    [InlineData(int.MaxValue)]
    public void A_json_length_out_of_range_is_refused(int declared)
    {
        var error = Refused(WireBytes.Frame(jsonLength: declared));

        Assert.Contains($"JSON of {declared:N0} bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_longer_than_its_limit_is_refused_even_when_the_frame_holds_it()
    {
        string big = "{\"s\":\"" + new string('x', FrameCodec.MaxJsonBytes) + "\"}";

        var error = Refused(WireBytes.WithJson(big));

        Assert.Contains($"{FrameCodec.MaxJsonBytes:N0}-byte limit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("5")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("true")]
    public void Json_that_is_not_an_object_is_refused(string json)
    {
        var error = Refused(WireBytes.WithJson(json));

        Assert.Contains("not an object", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"a\":}")]
    [InlineData("{} {}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{/* comment */}")]
    [InlineData("{'a':1}")]
    public void Json_that_does_not_parse_is_refused(string json)
    {
        var error = Refused(WireBytes.WithJson(json));

        Assert.Contains("JSON is malformed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_as_deep_as_the_limit_is_read()
    {
        Frame frame = FrameCodec.Read(new MemoryStream(WireBytes.WithJson(Nested(FrameCodec.MaxJsonDepth))))!;

        Assert.NotNull(frame.Body["a"]);
    }

    [Fact]
    public void Json_as_deep_as_the_limit_is_written_and_read_back()
    {
        var body = (JsonObject)JsonNode.Parse(Nested(FrameCodec.MaxJsonDepth))!;

        Assert.True(JsonNode.DeepEquals(body, RoundTrip(new Frame(1, FrameKind.Result, string.Empty, 0, body, ReadOnlyMemory<byte>.Empty)).Body));
    }

    [Theory]
    [InlineData(FrameCodec.MaxJsonDepth + 1)]
    [InlineData(10_000)]
    public void Json_deeper_than_the_limit_is_refused(int depth)
    {
        var error = Refused(WireBytes.WithJson(Nested(depth)));

        Assert.Contains("depth", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"x\":{\"b\":[],\"b\":{}}}")]
    [InlineData("{\"list\":[{\"k\":1,\"k\":1}]}")]
    public void An_object_with_a_key_twice_is_refused_naming_the_key(string json)
    {
        var error = Refused(WireBytes.WithJson(json));

        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"a\":\"\\ud800\"}")]
    [InlineData("{\"a\":\"x\\udc00y\"}")]
    [InlineData("{\"\\ud83d\":1}")]
    [InlineData("{\"a\":[\"\\ud83d\\u0041\"]}")]
    public void Json_strings_with_a_lone_surrogate_are_refused(string json)
    {
        var error = Refused(WireBytes.WithJson(json));

        Assert.Contains("not valid text", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xff, 0xfe })]
    [InlineData(new byte[] { 0xed, 0xa0, 0x80 })]
    [InlineData(new byte[] { 0xe2, 0x82 })]
    public void Json_strings_that_are_not_utf8_are_refused(byte[] inside)
    {
        byte[] json = [.. "{\"a\":\""u8, .. inside, .. "\"}"u8];

        var error = Refused(WireBytes.Frame(json: json));

        Assert.Contains("not valid text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_surrogate_pair_in_json_is_read_as_the_character_it_makes()
    {
        Frame frame = FrameCodec.Read(new MemoryStream(WireBytes.WithJson("{\"a\":\"\\ud83e\\uddee\"}")))!;

        Assert.Equal("🧮", Json.String(frame.Body, "a"));
    }

    [Fact]
    public void A_body_read_from_a_frame_can_be_read_from_several_threads_at_once()
    {
        var body = new JsonObject();
        for (int i = 0; i < 200; i++)
        {
            body[$"k{i}"] = new JsonArray(i, i + 1);
        }

        using var stream = new MemoryStream();
        FrameCodec.Write(stream, new Frame(1, FrameKind.Result, string.Empty, 0, body, ReadOnlyMemory<byte>.Empty));
        stream.Position = 0;
        Frame frame = FrameCodec.Read(stream)!;

        Parallel.For(0, 8, _ =>
        {
            for (int i = 0; i < 200; i++)
            {
                Assert.Equal(i, Json.Array(frame.Body, $"k{i}")[0]!.GetValue<int>());
            }
        });
    }

    [Fact]
    public void Writing_a_frame_with_json_over_the_limit_is_refused_before_anything_is_written()
    {
        using var stream = new MemoryStream();
        var body = new JsonObject { ["s"] = new string('x', FrameCodec.MaxJsonBytes) };

        var error = Assert.Throws<BoundaryProtocolException>(() => FrameCodec.Write(stream, new Frame(1, FrameKind.Result, string.Empty, 0, body, ReadOnlyMemory<byte>.Empty)));

        Assert.Equal(0, stream.Length);
        Assert.Contains("larger than the boundary allows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_json_deeper_than_the_reader_accepts_is_refused_before_anything_is_written()
    {
        using var stream = new MemoryStream();
        JsonObject body = (JsonObject)JsonNode.Parse(Nested(FrameCodec.MaxJsonDepth + 1), documentOptions: new() { MaxDepth = 100 })!;

        var error = Assert.Throws<BoundaryProtocolException>(() => FrameCodec.Write(stream, new Frame(1, FrameKind.Result, string.Empty, 0, body, ReadOnlyMemory<byte>.Empty)));

        Assert.Equal(0, stream.Length);
        Assert.Contains("deeper", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_a_frame_of_an_undefined_kind_is_refused()
    {
        using var stream = new MemoryStream();

        Assert.Throws<BoundaryProtocolException>(() => FrameCodec.Write(stream, new Frame(1, (FrameKind)9, "op", 0, [], ReadOnlyMemory<byte>.Empty)));
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void Writing_an_operation_name_longer_than_the_header_holds_is_refused()
    {
        using var stream = new MemoryStream();

        Assert.Throws<BoundaryProtocolException>(() => FrameCodec.Write(stream, new Frame(1, FrameKind.Call, new string('a', short.MaxValue + 1), 0, [], ReadOnlyMemory<byte>.Empty)));
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void Writing_an_operation_name_with_a_lone_surrogate_is_refused()
    {
        using var stream = new MemoryStream();

        Assert.Throws<BoundaryProtocolException>(() => FrameCodec.Write(stream, new Frame(1, FrameKind.Call, "op\ud800", 0, [], ReadOnlyMemory<byte>.Empty)));
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void A_lone_surrogate_in_a_string_written_is_replaced_so_that_the_reader_accepts_it()
    {
        // A student's exception message is any .NET string; its failure frame must still be one the parent reads.
        Frame read = RoundTrip(new Frame(1, FrameKind.Failure, string.Empty, 0, new JsonObject { ["message"] = "bad \ud800 text" }, ReadOnlyMemory<byte>.Empty));

        Assert.Equal("bad \ufffd text", Json.String(read.Body, "message"));
    }

    private static Frame RoundTrip(Frame frame)
    {
        using var stream = new MemoryStream();
        FrameCodec.Write(stream, frame);
        stream.Position = 0;
        Frame read = FrameCodec.Read(stream) ?? throw new InvalidOperationException("No frame was read.");
        Assert.Equal(stream.Length, stream.Position);
        return read;
    }

    private static BoundaryProtocolException Refused(byte[] bytes) =>
        Assert.Throws<BoundaryProtocolException>(() => FrameCodec.Read(new MemoryStream(bytes)));

    private static string Nested(int depth)
    {
        var text = new StringBuilder();
        for (int i = 1; i < depth; i++)
        {
            text.Append("{\"a\":");
        }

        text.Append("{\"a\":1}");
        text.Append('}', depth - 1);
        return text.ToString();
    }

    // What reading the bytes allocates on this thread, the second time (the first loads and initialises the code).
    private static long AllocatedReading(byte[] bytes)
    {
        long allocated = 0;
        for (int run = 0; run < 2; run++)
        {
            var stream = new MemoryStream(bytes);
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                FrameCodec.Read(stream);
            }
            catch (BoundaryProtocolException)
            {
                // Refusing is what most of these inputs should get; the allocation is what is measured.
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        return allocated;
    }
}
