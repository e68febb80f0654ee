using TinyTorch.Analysis.Measurement;
using TinyTorch.Data;

namespace TinyTorch.Analysis.Instruments;

/// <summary>
/// Measures the peak managed memory of materialising a whole epoch's batches before using them
/// (eager) against streaming them one at a time (lazy), for several dataset sizes.
/// </summary>
/// <remarks>
/// Peak memory is read with full garbage collections (<see cref="GC.GetTotalMemory(bool)"/>) while
/// the batches are held, above a baseline taken once the dataset exists, so the dataset itself is
/// not counted. The reading covers the whole process: run it while nothing else allocates.
/// </remarks>
public static class EagerVersusLazy
{
    /// <summary>Runs the comparison.</summary>
    /// <param name="loaderForDatasetSize">Makes a loader over a dataset of the given number of samples (called twice per size).</param>
    /// <param name="datasetSizes">The dataset sizes, typically growing geometrically.</param>
    /// <param name="lazySamplesPerEpoch">How many times per epoch the lazy run reads memory (each reading is a full collection).</param>
    /// <returns>One point per dataset size.</returns>
    /// <exception cref="ArgumentException">No sizes, or the factory made a loader over a dataset of another size.</exception>
    public static MemoryComparison Run(Func<int, DataLoader> loaderForDatasetSize, IEnumerable<int> datasetSizes, int lazySamplesPerEpoch = 8)
    {
        ArgumentNullException.ThrowIfNull(loaderForDatasetSize);
        int[] sizes = Require.PositiveSizes(datasetSizes, nameof(datasetSizes));
        Require.AtLeastOne(lazySamplesPerEpoch, nameof(lazySamplesPerEpoch));
        return new MemoryComparison(sizes.Select(n => Measure(loaderForDatasetSize, n, lazySamplesPerEpoch)).ToArray());
    }

    private static MemoryPoint Measure(Func<int, DataLoader> factory, int size, int lazySamples)
    {
        var (eager, epochBytes) = Eager(Loader(factory, size));
        // A fresh loader, so the lazy run does not inherit buffers the eager run left in a pool.
        long lazy = Lazy(Loader(factory, size), lazySamples);
        return new MemoryPoint(size, eager, lazy, epochBytes);
    }

    private static DataLoader Loader(Func<int, DataLoader> factory, int size)
    {
        var loader = factory(size) ?? throw new ArgumentException($"The loader factory returned null for dataset size {size}.", nameof(factory));
        if (loader.Dataset.Count != size)
        {
            throw new ArgumentException($"The loader factory was asked for {size} samples but its dataset has {loader.Dataset.Count}.", nameof(factory));
        }

        return loader;
    }

    private static (long Peak, long EpochBytes) Eager(DataLoader loader)
    {
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        // Never disposed: eager loading keeps every batch, each owning its own storage.
        var batches = loader.ToList();
        long peak = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        long bytes = batches.Sum(b => b.Sum(t => (long)t.Length * sizeof(float)));
        GC.KeepAlive(batches);
        return (Math.Max(0, peak), bytes);
    }

    private static long Lazy(DataLoader loader, int samples)
    {
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        int every = Math.Max(1, loader.Count / samples);
        long peak = 0;
        int index = 0;
        foreach (var batch in loader)
        {
            using (batch)
            {
                // Read while the batch is held: that is when streaming holds the most.
                if (index++ % every == 0)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                }
            }
        }

        return peak;
    }
}
