namespace TinyTorch.Data.Sampling;

/// <summary>Visits indices 0, 1, ..., Count - 1 in order every epoch: for validation and testing.</summary>
public sealed class SequentialSampler : Sampler
{
    /// <summary>Creates a sampler over <paramref name="count"/> indices.</summary>
    /// <param name="count">The dataset's size, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public SequentialSampler(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
    }

    /// <inheritdoc/>
    public override int Count { get; }

    /// <inheritdoc/>
    public override int[] EpochIndices(int epoch)
    {
        var indices = new int[Count];
        for (int i = 0; i < indices.Length; i++)
        {
            indices[i] = i;
        }

        return indices;
    }
}
