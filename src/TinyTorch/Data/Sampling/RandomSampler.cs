namespace TinyTorch.Data.Sampling;

/// <summary>
/// Visits every index exactly once per epoch in a fresh random order (a Fisher-Yates shuffle of the
/// indices, never of the data). The same seed gives the same sequence of epochs.
/// </summary>
public sealed class RandomSampler : Sampler
{
    /// <summary>Creates a sampler over <paramref name="count"/> indices.</summary>
    /// <param name="count">The dataset's size, at least 0.</param>
    /// <param name="seed">The seed; epoch e uses a generator derived from (seed, e).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public RandomSampler(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        Seed = seed;
    }

    /// <inheritdoc/>
    public override int Count { get; }

    /// <summary>The seed this sampler derives every epoch's order from.</summary>
    public int Seed { get; }

    /// <inheritdoc/>
    public override int[] EpochIndices(int epoch)
    {
        var indices = new int[Count];
        for (int i = 0; i < indices.Length; i++)
        {
            indices[i] = i;
        }

        FisherYates(indices, new Random(EpochSeed(Seed, epoch)));
        return indices;
    }
}
