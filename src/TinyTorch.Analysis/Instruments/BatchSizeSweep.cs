using TinyTorch.Analysis.Measurement;
using TinyTorch.Data;

namespace TinyTorch.Analysis.Instruments;

/// <summary>
/// Measures a loader's throughput and the memory of one batch at several batch sizes.
/// </summary>
public static class BatchSizeSweep
{
    /// <summary>Runs the sweep.</summary>
    /// <param name="loaderForBatchSize">Makes the loader to measure for a batch size, e.g. <c>b =&gt; new DataLoader(data, b, shuffle: true)</c>.</param>
    /// <param name="batchSizes">The batch sizes, typically growing geometrically (1, 4, 16, 64, ...).</param>
    /// <param name="epochs">Timed epochs per batch size, at least 1; the median epoch is reported.</param>
    /// <param name="step">The consumer's work per batch (e.g. a simulated training step); none by default.</param>
    /// <returns>One point per batch size.</returns>
    /// <exception cref="ArgumentException">No batch sizes, or the factory made a loader of another batch size.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A batch size or <paramref name="epochs"/> is below 1.</exception>
    public static BatchSizeSweepResult Run(Func<int, DataLoader> loaderForBatchSize, IEnumerable<int> batchSizes, int epochs = 2, Action<Batch>? step = null)
    {
        ArgumentNullException.ThrowIfNull(loaderForBatchSize);
        int[] sizes = Require.PositiveSizes(batchSizes, nameof(batchSizes));
        Require.AtLeastOne(epochs, nameof(epochs));

        var points = new List<BatchSizePoint>(sizes.Length);
        foreach (int size in sizes)
        {
            var loader = loaderForBatchSize(size) ?? throw new ArgumentException($"The loader factory returned null for batch size {size}.", nameof(loaderForBatchSize));
            if (loader.BatchSize != size)
            {
                throw new ArgumentException(
                    $"The loader factory was asked for batch size {size} but made a loader of batch size {loader.BatchSize}.", nameof(loaderForBatchSize));
            }

            points.Add(Measure(loader, epochs, step));
        }

        return new BatchSizeSweepResult(points);
    }

    private static BatchSizePoint Measure(DataLoader loader, int epochs, Action<Batch>? step)
    {
        // Warm-up: JIT compilation and the loader's buffer pool are one-off costs, not throughput.
        using (var warmup = loader.GetEnumerator())
        {
            for (int i = 0; i < 2 && warmup.MoveNext(); i++)
            {
                warmup.Current.Dispose();
            }
        }

        long bytesPerBatch = 0;
        long samples = 0;
        var times = new TimeSpan[epochs];
        for (int e = 0; e < epochs; e++)
        {
            samples = 0;
            long start = Timing.Now;
            foreach (var batch in loader)
            {
                using (batch)
                {
                    if (bytesPerBatch == 0)
                    {
                        bytesPerBatch = batch.Sum(t => (long)t.Length * sizeof(float));
                    }

                    step?.Invoke(batch);
                    samples += batch.SampleCount;
                }
            }

            times[e] = Timing.Between(start, Timing.Now);
        }

        var epochTime = Timing.Median(times);
        double perSecond = epochTime > TimeSpan.Zero ? samples / epochTime.TotalSeconds : double.PositiveInfinity;
        return new BatchSizePoint(loader.BatchSize, perSecond, bytesPerBatch, epochTime, loader.Count);
    }
}
