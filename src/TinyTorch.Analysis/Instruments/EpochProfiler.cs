using TinyTorch.Analysis.Measurement;
using TinyTorch.Data;
using TinyTorch.Data.Sampling;
using TinyTorch.Transforms;

namespace TinyTorch.Analysis.Instruments;

/// <summary>
/// Runs epochs through the textbook pipeline, one stage at a time, and times each stage: fetch each
/// sample, transform it, collate the batch, hand it to the consumer.
/// </summary>
/// <remarks>
/// The stages run separately, on the consumer's thread, so that each can be timed; the
/// <see cref="DataLoader"/>'s fast path fuses fetch, transform and collate into one copy, and a
/// profile shows why that fusion pays.
/// </remarks>
public static class EpochProfiler
{
    /// <summary>Profiles <paramref name="epochs"/> epochs.</summary>
    /// <param name="dataset">The raw samples (untransformed).</param>
    /// <param name="batchSize">Samples per batch, at least 1.</param>
    /// <param name="transform">Applied to sample position <paramref name="transformPosition"/> of every sample; none by default.</param>
    /// <param name="step">The consumer's work per batch; none by default.</param>
    /// <param name="epochs">Epochs to profile, at least 1.</param>
    /// <param name="shuffle">Visit the samples in a random order, as training does.</param>
    /// <param name="seed">The shuffle's seed.</param>
    /// <param name="transformPosition">Which tensor of each sample the transform applies to (0, the features, by default).</param>
    /// <returns>The time per stage of each epoch.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> or <paramref name="epochs"/> is below 1.</exception>
    public static EpochProfile Run(
        Dataset<Tensor[]> dataset,
        int batchSize,
        ITransform? transform = null,
        Action<Batch>? step = null,
        int epochs = 1,
        bool shuffle = true,
        int seed = 0,
        int transformPosition = 0)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Require.AtLeastOne(batchSize, nameof(batchSize));
        Require.AtLeastOne(epochs, nameof(epochs));

        Sampler sampler = shuffle ? new RandomSampler(dataset.Count, seed) : new SequentialSampler(dataset.Count);
        var batches = new BatchSampler(sampler, batchSize, dropLast: false);
        var profile = new List<StageTimes>(epochs);
        for (int e = 0; e < epochs; e++)
        {
            long fetch = 0, transformed = 0, collate = 0, consumed = 0;
            foreach (var indices in batches.Batches(e))
            {
                long t0 = Timing.Now;
                var samples = new Tensor[indices.Count][];
                for (int s = 0; s < samples.Length; s++)
                {
                    samples[s] = dataset[indices[s]];
                }

                long t1 = Timing.Now;
                if (transform is not null)
                {
                    foreach (var sample in samples)
                    {
                        sample[transformPosition] = transform.Apply(sample[transformPosition]);
                    }
                }

                long t2 = Timing.Now;
                using var batch = Collate.Stack(samples);
                long t3 = Timing.Now;
                step?.Invoke(batch);
                long t4 = Timing.Now;
                fetch += t1 - t0;
                transformed += t2 - t1;
                collate += t3 - t2;
                consumed += t4 - t3;
            }

            profile.Add(new StageTimes(Ticks(fetch), Ticks(transformed), Ticks(collate), Ticks(consumed)));
        }

        return new EpochProfile(batchSize, dataset.Count, profile);
    }

    private static TimeSpan Ticks(long stopwatchTicks) => Timing.Between(0, stopwatchTicks);
}
