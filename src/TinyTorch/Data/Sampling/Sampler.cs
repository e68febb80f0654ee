namespace TinyTorch.Data.Sampling;

/// <summary>
/// Decides the order in which a loader visits a dataset's indices, one epoch at a time.
/// Samplers work on indices only, never on the data, so reordering a dataset of gigabytes costs
/// a few kilobytes of integers.
/// </summary>
public abstract class Sampler
{
    /// <summary>How many indices one epoch yields.</summary>
    public abstract int Count { get; }

    /// <summary>
    /// The indices of epoch <paramref name="epoch"/>, in visiting order. A deterministic function of the
    /// sampler's settings and the epoch number, so that every replica of a distributed job, and every
    /// rerun with the same seed, agrees on it.
    /// </summary>
    /// <param name="epoch">The epoch number, from 0.</param>
    /// <returns>A new array the caller owns.</returns>
    public abstract int[] EpochIndices(int epoch);

    /// <summary>Mixes a seed with an epoch number into the seed of that epoch's random generator.</summary>
    /// <param name="seed">The sampler's seed.</param>
    /// <param name="epoch">The epoch number.</param>
    /// <returns>A seed that differs for every (seed, epoch) pair in practice.</returns>
    protected static int EpochSeed(int seed, int epoch) =>
        // SplitMix-style mixing: neighbouring epochs get unrelated generators.
        (int)(SampleRandom.Mix((((ulong)(uint)seed << 32) | (uint)epoch) + SampleRandom.Gamma) & 0x7FFF_FFFF);

    /// <summary>Shuffles <paramref name="indices"/> in place with the Fisher-Yates algorithm: O(n), every order equally likely.</summary>
    /// <param name="indices">The indices to shuffle.</param>
    /// <param name="random">The generator to draw from.</param>
    protected static void FisherYates(Span<int> indices, Random random)
    {
        for (int i = indices.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }
    }
}
