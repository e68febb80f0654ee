using System.Buffers;

namespace TinyTorch.Data;

/// <summary>
/// The contiguous buffers of one batch while it is being filled: one buffer per sample position,
/// each holding every sample's values back to back. Filling writes each sample once, straight into
/// its slot, which is why collation copies each value exactly once.
/// </summary>
internal sealed class BatchStorage
{
    private readonly float[][] _buffers;
    private readonly int[][] _shapes;
    private readonly int[] _sampleLengths;
    private readonly ArrayPool<float>? _pool;

    private BatchStorage(float[][] buffers, int[][] shapes, int[] sampleLengths, ArrayPool<float>? pool)
    {
        _buffers = buffers;
        _shapes = shapes;
        _sampleLengths = sampleLengths;
        _pool = pool;
    }

    /// <summary>
    /// Allocates (or rents from <paramref name="pool"/>) storage for <paramref name="samples"/> samples
    /// whose tensor at position p has shape <paramref name="sampleShapes"/>[p].
    /// </summary>
    public static BatchStorage Create(int samples, IReadOnlyList<int[]> sampleShapes, ArrayPool<float>? pool)
    {
        int positions = sampleShapes.Count;
        var buffers = new float[positions][];
        var shapes = new int[positions][];
        var lengths = new int[positions];
        for (int p = 0; p < positions; p++)
        {
            int sampleLength = Tensor.ElementCount(sampleShapes[p], "sampleShape");
            int total = checked(sampleLength * samples);
            lengths[p] = sampleLength;
            shapes[p] = [samples, .. sampleShapes[p]];
            buffers[p] = pool is null ? new float[total] : pool.Rent(total);
        }

        return new BatchStorage(buffers, shapes, lengths, pool);
    }

    /// <summary>The slot of sample <paramref name="sample"/> at <paramref name="position"/>.</summary>
    public Span<float> Slot(int position, int sample) =>
        _buffers[position].AsSpan(sample * _sampleLengths[position], _sampleLengths[position]);

    /// <summary>Hands the filled buffers to a batch, which owns them from now on.</summary>
    public Batch ToBatch()
    {
        var tensors = new Tensor[_buffers.Length];
        if (_pool is null)
        {
            for (int p = 0; p < tensors.Length; p++)
            {
                tensors[p] = new Tensor(_buffers[p], _shapes[p], _buffers[p].Length, null);
            }

            return new Batch(tensors);
        }

        var lease = new StorageLease();
        for (int p = 0; p < tensors.Length; p++)
        {
            tensors[p] = new Tensor(_buffers[p], _shapes[p], _shapes[p][0] * _sampleLengths[p], lease);
        }

        return new Batch(tensors, _buffers, lease, _pool);
    }

    /// <summary>Gives rented buffers back when filling failed, so an error does not drain the pool.</summary>
    public void Abandon()
    {
        if (_pool is null)
        {
            return;
        }

        foreach (var buffer in _buffers)
        {
            _pool.Return(buffer);
        }
    }
}
