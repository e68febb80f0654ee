using TinyTorch.Analysis.Measurement;
using TinyTorch.Data.Sampling;

namespace TinyTorch.Analysis.Instruments;

/// <summary>
/// Times drawing a random epoch order of indices (what the loader does) against permuting the
/// samples themselves in memory (what shuffling "the data" would mean), at several dataset sizes.
/// </summary>
public static class ShuffleCost
{
    /// <summary>Runs the measurement.</summary>
    /// <param name="datasetSizes">The dataset sizes, typically growing geometrically. The data shuffle needs size × sample length floats of memory.</param>
    /// <param name="sampleLength">Floats per sample; 3 × 32 × 32 (a CIFAR image) by default.</param>
    /// <param name="repeats">Shuffles timed per size, at least 1; the median is reported.</param>
    /// <param name="seed">The shuffles' seed.</param>
    /// <returns>One point per dataset size.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size, the sample length or the repeats is below 1.</exception>
    public static ShuffleCostResult Run(IEnumerable<int> datasetSizes, int sampleLength = 3 * 32 * 32, int repeats = 3, int seed = 0)
    {
        int[] sizes = Require.PositiveSizes(datasetSizes, nameof(datasetSizes));
        Require.AtLeastOne(sampleLength, nameof(sampleLength));
        Require.AtLeastOne(repeats, nameof(repeats));
        return new ShuffleCostResult(sizes.Select(n => Measure(n, sampleLength, repeats, seed)).ToArray());
    }

    private static ShufflePoint Measure(int size, int sampleLength, int repeats, int seed)
    {
        var sampler = new RandomSampler(size, seed);
        int epoch = 0;
        sampler.EpochIndices(epoch++); // warm-up: JIT
        var indexTime = Timing.MedianOf(repeats, () => sampler.EpochIndices(epoch++));

        // The data exists before the clock starts: only the permutation is the shuffle's cost.
        var data = new float[checked(size * sampleLength)];
        var row = new float[sampleLength];
        var random = new Random(seed);
        var dataTime = Timing.MedianOf(repeats, () => PermuteRows(data, row, sampleLength, random));
        return new ShufflePoint(size, sampleLength * sizeof(float), indexTime, dataTime);
    }

    /// <summary>Fisher-Yates over whole samples: every swap moves two samples' bytes through memory.</summary>
    private static void PermuteRows(float[] data, float[] scratch, int sampleLength, Random random)
    {
        int rows = data.Length / sampleLength;
        var temp = scratch.AsSpan();
        for (int i = rows - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            if (i == j)
            {
                continue;
            }

            var a = data.AsSpan(i * sampleLength, sampleLength);
            var b = data.AsSpan(j * sampleLength, sampleLength);
            a.CopyTo(temp);
            b.CopyTo(a);
            temp.CopyTo(b);
        }
    }
}
