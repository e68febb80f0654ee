using TinyTorch.Data;

namespace TinyTorch.Tests.TestDoubles;

/// <summary>
/// A <see cref="Dataset{TSample}"/> of (features [F], label scalar) that counts every read of its indexer,
/// so tests can prove when (and how many) samples are read. Sample i has features
/// <see cref="TestData.Feature"/>(i, j) and label i. Optionally throws <see cref="Failure"/> when sample
/// <see cref="FailAt"/> is read. Not an <see cref="IRowSource"/>: the loader must use the indexer.
/// </summary>
internal sealed class CountingDataset(int count, int features = 3) : Dataset<Tensor[]>
{
    private long _reads;

    public override int Count => count;

    public int Features => features;

    /// <summary>The number of indexer reads so far.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>The index whose read throws <see cref="Failure"/>; -1 for none.</summary>
    public int FailAt { get; init; } = -1;

    /// <summary>What a read of <see cref="FailAt"/> throws.</summary>
    public Exception Failure { get; init; } = new InvalidOperationException("disk on fire");

    public override Tensor[] this[int index]
    {
        get
        {
            int i = NormalizeIndex(index);
            Interlocked.Increment(ref _reads);
            if (i == FailAt)
            {
                throw Failure;
            }

            var values = new float[features];
            for (int j = 0; j < features; j++)
            {
                values[j] = TestData.Feature(i, j);
            }

            return [new Tensor(values, features), Tensor.Scalar(i)];
        }
    }
}
