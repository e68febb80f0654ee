using System.Buffers;
using TinyTorch.Analysis.Measurement;
using TinyTorch.Data;

namespace TinyTorch.Analysis.Instruments;

/// <summary>
/// Times collating one batch two ways, at several batch sizes: the naive way (read each sample as a
/// new tensor, then stack them into a new batch array, as <see cref="Collate.Stack"/> after the
/// dataset's indexer does) and the pooled way the loader uses (copy each sample straight into its
/// slot of one buffer rented from a pool and reused batch after batch).
/// </summary>
public static class CollateCost
{
    /// <summary>Runs the measurement on synthetic (features, label) samples.</summary>
    /// <param name="batchSizes">The batch sizes, typically growing geometrically.</param>
    /// <param name="sampleShape">The features' shape; [3, 32, 32] (a CIFAR image) by default.</param>
    /// <param name="repeats">Batches timed per size and way, at least 1; the median is reported.</param>
    /// <param name="seed">The seed of the synthetic values.</param>
    /// <returns>One point per batch size.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size, a dimension or the repeats is below 1.</exception>
    public static CollateCostResult Run(IEnumerable<int> batchSizes, int[]? sampleShape = null, int repeats = 5, int seed = 0)
    {
        int[] sizes = Require.PositiveSizes(batchSizes, nameof(batchSizes));
        int[] shape = sampleShape is null ? [3, 32, 32] : Require.PositiveSizes(sampleShape, nameof(sampleShape));
        Require.AtLeastOne(repeats, nameof(repeats));

        int samples = sizes.Max();
        int sampleLength = shape.Aggregate(1, (a, b) => checked(a * b));
        var random = new Random(seed);
        var features = new float[checked(samples * sampleLength)];
        for (int i = 0; i < features.Length; i++)
        {
            features[i] = random.NextSingle();
        }

        var labels = Enumerable.Range(0, samples).Select(i => i % 10).ToArray();
        var dataset = new TensorDataset(new Tensor(features, [samples, .. shape]), Tensor.FromLabels(labels));
        // A pool of its own, as each DataLoader has, so buffers rented here are not shared with other code.
        var pool = ArrayPool<float>.Create(maxArrayLength: Array.MaxLength, maxArraysPerBucket: 2);
        var points = new List<CollatePoint>(sizes.Length);
        foreach (int size in sizes)
        {
            NaiveBatch(dataset, size);
            PooledBatch(dataset, size, sampleLength, pool); // warm-up: JIT, and the pool's first rent
            points.Add(new CollatePoint(
                size,
                (sampleLength + 1) * sizeof(float),
                Timing.MedianOf(repeats, () => NaiveBatch(dataset, size)),
                Timing.MedianOf(repeats, () => PooledBatch(dataset, size, sampleLength, pool)),
                AllocatedBy(() => NaiveBatch(dataset, size)),
                AllocatedBy(() => PooledBatch(dataset, size, sampleLength, pool))));
        }

        return new CollateCostResult(points);
    }

    private static void NaiveBatch(TensorDataset dataset, int size)
    {
        var samples = new Tensor[size][];
        for (int i = 0; i < size; i++)
        {
            samples[i] = dataset[i];
        }

        using var batch = Collate.Stack(samples);
    }

    private static void PooledBatch(TensorDataset dataset, int size, int sampleLength, ArrayPool<float> pool)
    {
        float[] features = pool.Rent(size * sampleLength);
        float[] labels = pool.Rent(size);
        try
        {
            for (int i = 0; i < size; i++)
            {
                dataset.CopySample(i, 0, features.AsSpan(i * sampleLength, sampleLength));
                dataset.CopySample(i, 1, labels.AsSpan(i, 1));
            }
        }
        finally
        {
            pool.Return(labels);
            pool.Return(features);
        }
    }

    private static long AllocatedBy(Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
