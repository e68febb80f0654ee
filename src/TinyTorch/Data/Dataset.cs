using System.Collections;

namespace TinyTorch.Data;

/// <summary>
/// The contract every data source fulfils: it knows how many samples it has (<see cref="Count"/>)
/// and returns sample <c>i</c> on request (the indexer). Everything downstream, the loader and the
/// training loop, relies on these two members only, so storage (memory, a file, a database) can
/// change without touching training code.
/// </summary>
/// <typeparam name="TSample">What one sample is, e.g. <c>Tensor[]</c> for (features, label).</typeparam>
/// <remarks>Abstract: it cannot be instantiated; subclass it and implement both members.</remarks>
public abstract class Dataset<TSample> : IReadOnlyList<TSample>
{
    /// <summary>The number of samples.</summary>
    public abstract int Count { get; }

    /// <summary>Sample <paramref name="index"/>, read (or computed) when asked for.</summary>
    /// <param name="index">The sample's index.</param>
    public abstract TSample this[int index] { get; }

    /// <summary>
    /// Sample <paramref name="index"/>, with any random draws taken from <paramref name="random"/>, the
    /// sample's generator: how the <see cref="DataLoader"/> reads a sample, so that a random dataset (an
    /// augmented one) gives the same sample whichever worker thread reads it.
    /// </summary>
    /// <remarks>
    /// The default returns <c>this[index]</c>: a dataset without randomness has nothing to draw. A dataset
    /// that draws overrides it, and a dataset that wraps another passes it a
    /// <see cref="SampleRandom.Fork"/> rather than <paramref name="random"/> itself, so that the two never
    /// draw the same numbers (see <see cref="Transforms.TransformedDataset"/>).
    /// </remarks>
    /// <param name="index">The sample's index.</param>
    /// <param name="random">The sample's generator, made by the loader from (seed, epoch, index).</param>
    /// <returns>The sample, exactly what the indexer would return for the same draws.</returns>
    public virtual TSample Read(int index, SampleRandom random) => this[index];

    /// <summary>Enumerates the samples in index order, reading each one only when it is reached.</summary>
    public IEnumerator<TSample> GetEnumerator()
    {
        int count = Count;
        for (int i = 0; i < count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Turns a Python-style index (negative counts from the end) into a position in [0, Count),
    /// or throws <see cref="ArgumentOutOfRangeException"/> naming the index and the count.
    /// </summary>
    /// <param name="index">The index, in [-Count, Count).</param>
    /// <returns>The index as a position in [0, Count).</returns>
    protected int NormalizeIndex(int index)
    {
        int count = Count;
        int i = index < 0 ? index + count : index;
        if ((uint)i >= (uint)count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, count == 0
                ? $"Index {index} is out of range: the dataset is empty (Count 0)."
                : $"Index {index} is out of range for a dataset of Count {count}; valid indices are {-count}..{count - 1}.");
        }

        return i;
    }
}
