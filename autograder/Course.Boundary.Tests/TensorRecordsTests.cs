using System.Buffers.Binary;
using System.Text.Json.Nodes;
using TinyTorch;

namespace Course.Boundary.Tests;

public sealed class TensorRecordsTests
{
    public static TheoryData<int[]> Shapes => [[], [0], [3], [2, 3], [0, 5], [1, 1, 1, 1, 1, 1, 1, 2]];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_tensor_comes_back_with_its_shape_values_and_handle(int[] shape)
    {
        int length = shape.Aggregate(1, (a, b) => a * b);
        var tensor = new Tensor([.. Enumerable.Range(0, length).Select(i => i * 0.5f)], shape);
        var payload = new Payload();
        payload.Add(tensor, 42);
        int offset = 0;

        var (read, handle) = TensorRecords.Read(payload.ToMemory().Span, ref offset);

        Assert.Equal(shape, read.Shape);
        Assert.Equal(tensor.Values.ToArray(), read.Values.ToArray());
        Assert.Equal(42, handle);
        Assert.Equal(payload.Length, offset);
    }

    [Fact]
    public void Special_float_values_come_back_bit_for_bit()
    {
        float[] values = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, float.Epsilon, float.MaxValue];
        var payload = new Payload();
        payload.Add(new Tensor(values, values.Length), 1);
        int offset = 0;

        var (read, _) = TensorRecords.Read(payload.ToMemory().Span, ref offset);

        Assert.Equal(values.Select(BitConverter.SingleToInt32Bits), read.Values.ToArray().Select(BitConverter.SingleToInt32Bits));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(ObjectHost.MaxRank + 1)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void A_rank_out_of_range_is_refused_naming_it(int rank)
    {
        var error = Refused(Record(rank, [], 1, 0));

        Assert.Contains($"{rank} dimensions", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { -1 })]
    [InlineData(new[] { 2, int.MinValue })]
    public void A_negative_size_is_refused(int[] shape)
    {
        Assert.Contains("not a size", Refused(Record(shape.Length, shape, 1, 0)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 65536, 65536 })]
    [InlineData(new[] { int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue })]
    [InlineData(new[] { 46341, 46341 })]
    public void A_shape_whose_size_overflows_an_int_is_refused(int[] shape)
    {
        Assert.Contains("larger than the boundary accepts", Refused(Record(shape.Length, shape, 1, 0)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { int.MaxValue, int.MaxValue, 0 })]
    [InlineData(new[] { 100_000_000, 100_000_000, 0 })]
    [InlineData(new[] { 0, int.MaxValue, int.MaxValue })]
    public void An_empty_tensor_with_sizes_past_the_limit_is_refused(int[] shape)
    {
        Assert.Contains("larger than the boundary accepts", Refused(Record(shape.Length, shape, 1, 0)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tensor_larger_than_the_limit_is_refused_without_allocating_it()
    {
        int side = (int)Math.Sqrt(ObjectHost.MaxTensorValues) + 1;
        byte[] record = Record(2, [side, side], 1, 0);
        Refused(record);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Refused(record);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 << 10);
    }

    [Fact]
    public void A_tensor_whose_values_run_past_the_payload_is_refused_without_allocating_them()
    {
        byte[] record = Record(1, [1_000_000], 1, 10);
        Refused(record);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Refused(record);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 << 10);
        Assert.Contains("4,000,000 bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(11)]
    [InlineData(4 + 8 + 7)]
    public void A_record_cut_short_is_refused(int keep)
    {
        byte[] whole = Record(2, [1, 2], 1, 2);

        Refused(whole[..keep]);
    }

    [Fact]
    public void Sizes_of_the_header_read_from_the_end_of_the_payload_are_refused()
    {
        int offset = int.MaxValue - 2;

        Assert.Throws<BoundaryProtocolException>(() => TensorRecords.Read(new byte[16], ref offset));
    }

    private static BoundaryProtocolException Refused(byte[] record)
    {
        int offset = 0;
        return Assert.Throws<BoundaryProtocolException>(() => TensorRecords.Read(record, ref offset));
    }

    // [rank][dims…][handle][values…], with whatever numbers the test gives.
    internal static byte[] Record(int rank, int[] shape, long handle, int values)
    {
        var bytes = new byte[4 + (4 * shape.Length) + 8 + (4 * values)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, rank);
        for (int d = 0; d < shape.Length; d++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4 + (4 * d)), shape[d]);
        }

        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(4 + (4 * shape.Length)), handle);
        return bytes;
    }
}
