namespace TinyTorch.Data.Sampling;

/// <summary>
/// Groups the indices a <see cref="Sampler"/> yields for an epoch into batches of
/// <see cref="BatchSize"/>, the last one possibly smaller unless <see cref="DropLast"/> is set.
/// </summary>
public sealed class BatchSampler
{
    /// <summary>Creates a batch sampler.</summary>
    /// <param name="sampler">The order of indices within an epoch.</param>
    /// <param name="batchSize">Indices per batch, at least 1.</param>
    /// <param name="dropLast">Whether to drop a final batch smaller than <paramref name="batchSize"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is 0 or negative.</exception>
    public BatchSampler(Sampler sampler, int batchSize, bool dropLast)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        DataLoader.RequirePositiveBatchSize(batchSize);
        Sampler = sampler;
        BatchSize = batchSize;
        DropLast = dropLast;
    }

    /// <summary>The sampler whose indices are grouped.</summary>
    public Sampler Sampler { get; }

    /// <summary>Indices per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Whether a final, smaller batch is dropped.</summary>
    public bool DropLast { get; }

    /// <summary>The number of batches per epoch: ceil(n / BatchSize), or floor with <see cref="DropLast"/>.</summary>
    public int Count => CountBatches(Sampler.Count, BatchSize, DropLast);

    /// <summary>The batches of epoch <paramref name="epoch"/>, each a slice of that epoch's index order.</summary>
    /// <param name="epoch">The epoch number, from 0.</param>
    public IEnumerable<ArraySegment<int>> Batches(int epoch)
    {
        int[] order = Sampler.EpochIndices(epoch);
        int batches = CountBatches(order.Length, BatchSize, DropLast);
        for (int b = 0; b < batches; b++)
        {
            int start = b * BatchSize;
            yield return new ArraySegment<int>(order, start, Math.Min(BatchSize, order.Length - start));
        }
    }

    internal static int CountBatches(int samples, int batchSize, bool dropLast) =>
        dropLast ? samples / batchSize : (int)(((long)samples + batchSize - 1) / batchSize);
}
