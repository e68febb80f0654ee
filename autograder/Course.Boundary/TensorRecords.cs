using System.Buffers.Binary;
using System.Runtime.InteropServices;
using TinyTorch;

namespace Course.Boundary;

/// <summary>
/// Tensors in a frame's payload, one record after another: <c>[rank:int32][dims:int32 × rank][handle:int64][values:float32 × size]</c>,
/// little-endian. Binary rather than a JSON object per tensor, because a batch of 64 samples is 128 tensors and the
/// runner's time for carrying them is counted against a student whose loader hands them to a forwarded call.
/// Every length is checked against the limits and the payload before anything is allocated.
/// </summary>
internal static class TensorRecords
{
    /// <summary>Appends a tensor's record.</summary>
    /// <param name="bytes">The payload being written.</param>
    /// <param name="tensor">The tensor.</param>
    /// <param name="handle">Its handle on the writing side.</param>
    public static void Write(MemoryStream bytes, Tensor tensor, long handle)
    {
        Span<byte> header = stackalloc byte[4 + (4 * ObjectHost.MaxRank) + 8];
        int rank = tensor.Rank;
        if (rank > ObjectHost.MaxRank)
        {
            throw new InvalidOperationException($"A tensor of {rank} dimensions cannot cross the grading boundary (at most {ObjectHost.MaxRank}).");
        }

        BinaryPrimitives.WriteInt32LittleEndian(header, rank);
        for (int d = 0; d < rank; d++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(header[(4 + (4 * d))..], tensor.Size(d));
        }

        BinaryPrimitives.WriteInt64LittleEndian(header[(4 + (4 * rank))..], handle);
        bytes.Write(header[..(4 + (4 * rank) + 8)]);
        bytes.Write(MemoryMarshal.AsBytes(tensor.Values));
    }

    /// <summary>Reads the record at <paramref name="offset"/>.</summary>
    /// <param name="payload">A received frame's payload.</param>
    /// <param name="offset">Where the record starts; moved past it.</param>
    /// <returns>The tensor and the writer's handle of it.</returns>
    /// <exception cref="BoundaryProtocolException">
    /// The record is malformed (a rank outside 0 to <see cref="ObjectHost.MaxRank"/>, a negative size), too large (the
    /// product of its non-zero sizes above <see cref="ObjectHost.MaxTensorValues"/>) or outside the payload.
    /// </exception>
    public static (Tensor Tensor, long Handle) Read(ReadOnlySpan<byte> payload, ref int offset)
    {
        int rank = Int32(payload, offset, "a tensor's rank");
        if (rank < 0 || rank > ObjectHost.MaxRank)
        {
            throw new BoundaryProtocolException($"A tensor has {rank} dimensions; 0 to {ObjectHost.MaxRank} are accepted.");
        }

        var shape = new int[rank];
        // The product of the sizes that are not zero is held to the limit, not the size alone: [huge, huge, 0] holds
        // no value, but the tensor's own check of its shape overflows on it (and throws an ArgumentException).
        long nonZero = 1;
        bool empty = false;
        for (int d = 0; d < rank; d++)
        {
            shape[d] = Int32(payload, offset + 4 + (4 * d), "a tensor's shape");
            if (shape[d] < 0)
            {
                throw new BoundaryProtocolException($"A tensor's shape holds {shape[d]}, not a size.");
            }

            empty |= shape[d] == 0;
            nonZero = Math.Min(nonZero * Math.Max(shape[d], 1), ObjectHost.MaxTensorValues + 1);
        }

        if (nonZero > ObjectHost.MaxTensorValues)
        {
            throw new BoundaryProtocolException($"A tensor of shape [{string.Join(", ", shape)}] is larger than the boundary accepts ({ObjectHost.MaxTensorValues:N0} values).");
        }

        long length = empty ? 0 : nonZero;

        int handleAt = offset + 4 + (4 * rank);
        if (handleAt > payload.Length - 8)
        {
            throw new BoundaryProtocolException("A tensor's record ends outside the frame's payload.");
        }

        long handle = BinaryPrimitives.ReadInt64LittleEndian(payload[handleAt..]);
        int valuesAt = handleAt + 8;
        long bytes = length * sizeof(float);
        if (bytes > payload.Length - valuesAt)
        {
            throw new BoundaryProtocolException($"A tensor of shape [{string.Join(", ", shape)}] needs {bytes:N0} bytes of values; the frame's payload has {payload.Length - valuesAt:N0} left.");
        }

        var values = new float[length];
        payload.Slice(valuesAt, (int)bytes).CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        offset = valuesAt + (int)bytes;
        return (new Tensor(values, shape), handle);
    }

    private static int Int32(ReadOnlySpan<byte> payload, int at, string what) =>
        at >= 0 && at <= payload.Length - 4
            ? BinaryPrimitives.ReadInt32LittleEndian(payload[at..])
            : throw new BoundaryProtocolException($"{char.ToUpperInvariant(what[0])}{what[1..]} lies outside the frame's payload.");
}
