namespace TinyTorch.Data.Sampling;

/// <summary>
/// Gives one replica (one machine or process of a data-parallel job) its shard of every epoch: all
/// replicas compute the same epoch order from the shared seed, and replica <c>rank</c> takes every
/// <c>numReplicas</c>-th index starting at <c>rank</c>. Shards are equal in size and disjoint, and
/// together they cover the dataset.
/// </summary>
/// <remarks>
/// When the dataset does not divide evenly, equal shards need a choice, as in PyTorch: by default the
/// order is padded by repeating its first indices (every sample is seen; fewer than
/// <c>numReplicas</c> are seen twice), or with <c>dropLast</c> the tail is dropped (shards stay
/// disjoint; fewer than <c>numReplicas</c> samples are skipped that epoch).
/// </remarks>
public sealed class DistributedSampler : Sampler
{
    /// <summary>Creates the sampler for replica <paramref name="rank"/> of <paramref name="numReplicas"/>.</summary>
    /// <param name="count">The dataset's size, at least 0.</param>
    /// <param name="numReplicas">How many replicas share the dataset, at least 1.</param>
    /// <param name="rank">This replica's number, in [0, numReplicas).</param>
    /// <param name="shuffle">Whether each epoch's order is a fresh permutation (true) or 0..count-1.</param>
    /// <param name="seed">The seed every replica must share.</param>
    /// <param name="dropLast">Drop the uneven tail instead of padding (see remarks).</param>
    /// <exception cref="ArgumentOutOfRangeException">A count, replica number or rank is out of range.</exception>
    public DistributedSampler(int count, int numReplicas, int rank, bool shuffle = true, int seed = 0, bool dropLast = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (numReplicas < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(numReplicas), numReplicas,
                $"numReplicas must be at least 1, but was {numReplicas}.");
        }

        if (rank < 0 || rank >= numReplicas)
        {
            throw new ArgumentOutOfRangeException(nameof(rank), rank,
                $"rank must be in [0, {numReplicas}) for {numReplicas} replicas, but was {rank}.");
        }

        DatasetCount = count;
        NumReplicas = numReplicas;
        Rank = rank;
        Shuffle = shuffle;
        Seed = seed;
        DropLast = dropLast;
        Count = dropLast ? count / numReplicas : (count + numReplicas - 1) / numReplicas;
    }

    /// <summary>The size of this replica's shard: the number of indices it visits per epoch.</summary>
    public override int Count { get; }

    /// <summary>The size of the whole dataset.</summary>
    public int DatasetCount { get; }

    /// <summary>How many replicas share the dataset.</summary>
    public int NumReplicas { get; }

    /// <summary>This replica's number.</summary>
    public int Rank { get; }

    /// <summary>Whether each epoch's order is shuffled.</summary>
    public bool Shuffle { get; }

    /// <summary>The seed shared by every replica.</summary>
    public int Seed { get; }

    /// <summary>Whether the uneven tail is dropped rather than padded.</summary>
    public bool DropLast { get; }

    /// <inheritdoc/>
    public override int[] EpochIndices(int epoch)
    {
        int[] order = Shuffle
            ? new RandomSampler(DatasetCount, Seed).EpochIndices(epoch)
            : new SequentialSampler(DatasetCount).EpochIndices(epoch);
        var shard = new int[Count];
        for (int k = 0; k < shard.Length; k++)
        {
            // Position in the padded (or truncated) epoch order; padding wraps around to its start.
            int position = Rank + k * NumReplicas;
            shard[k] = order[position % order.Length];
        }

        return shard;
    }
}
