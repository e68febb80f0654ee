using System.Runtime.InteropServices;
using TinyTorch;

namespace Course.Boundary;

/// <summary>The binary part of a frame being written: tensor values appended one after another.</summary>
public sealed class Payload
{
    private readonly MemoryStream _bytes = new();

    /// <summary>Appends floats and says where they are.</summary>
    /// <param name="values">The values.</param>
    /// <returns>Their byte offset and count of floats.</returns>
    public (long Offset, int Count) Add(ReadOnlySpan<float> values)
    {
        long offset = _bytes.Length;
        _bytes.Write(MemoryMarshal.AsBytes(values));
        return (offset, values.Length);
    }

    /// <summary>The bytes written so far.</summary>
    public long Length => _bytes.Length;

    /// <summary>Appends a tensor's record (<see cref="TensorRecords"/>).</summary>
    /// <param name="tensor">The tensor.</param>
    /// <param name="handle">Its handle on the writing side.</param>
    public void Add(Tensor tensor, long handle) => TensorRecords.Write(_bytes, tensor, handle);

    /// <summary>The bytes written so far.</summary>
    /// <returns>The payload.</returns>
    public ReadOnlyMemory<byte> ToMemory() => _bytes.GetBuffer().AsMemory(0, (int)_bytes.Length);

    /// <summary>Reads floats back from a received payload, checking the range against its length.</summary>
    /// <param name="payload">A received frame's payload.</param>
    /// <param name="offset">The byte offset.</param>
    /// <param name="count">How many floats.</param>
    /// <returns>A copy of the values.</returns>
    /// <exception cref="BoundaryProtocolException">The range lies outside the payload.</exception>
    public static float[] Read(ReadOnlyMemory<byte> payload, long offset, int count)
    {
        long bytes = (long)count * sizeof(float);
        if (offset < 0 || count < 0 || offset > payload.Length || bytes > payload.Length - offset)
        {
            throw new BoundaryProtocolException($"A tensor's values ({count:N0} floats at byte {offset:N0}) lie outside the frame's {payload.Length:N0}-byte payload.");
        }

        var values = new float[count];
        payload.Span.Slice((int)offset, (int)bytes).CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
