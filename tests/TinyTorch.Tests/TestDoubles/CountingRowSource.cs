using TinyTorch.Data;

namespace TinyTorch.Tests.TestDoubles;

/// <summary>
/// The <see cref="IRowSource"/> variant of <see cref="CountingDataset"/>: the same samples, also copyable
/// straight into a batch. Counts indexer reads and row copies separately, so tests can tell which path
/// the loader took and prove laziness on the fast path too.
/// </summary>
internal sealed class CountingRowSource(int count, int features = 3, bool canCopyRows = true) : Dataset<Tensor[]>, IRowSource
{
    private static readonly int[] LabelShape = [];
    private readonly int[] _featureShape = [features];
    private long _indexerReads;
    private long _sampleCopies;

    public override int Count => count;

    /// <summary>Reads through the indexer.</summary>
    public long IndexerReads => Interlocked.Read(ref _indexerReads);

    /// <summary>Samples copied through <see cref="CopySample"/> (counted once per sample, at position 0).</summary>
    public long SampleCopies => Interlocked.Read(ref _sampleCopies);

    /// <summary>Every sample read, by either path.</summary>
    public long Reads => IndexerReads + SampleCopies;

    public int FailAt { get; init; } = -1;

    public Exception Failure { get; init; } = new IOException("bad sector");

    public override Tensor[] this[int index]
    {
        get
        {
            int i = NormalizeIndex(index);
            Interlocked.Increment(ref _indexerReads);
            if (i == FailAt)
            {
                throw Failure;
            }

            var values = new float[features];
            Fill(i, values);
            return [new Tensor(values, features), Tensor.Scalar(i)];
        }
    }

    public bool CanCopyRows => canCopyRows;

    public int Positions => 2;

    public ReadOnlySpan<int> SampleShape(int position) => position == 0 ? _featureShape : LabelShape;

    public void CopySample(int index, int position, Span<float> destination)
    {
        int i = NormalizeIndex(index);
        if (position == 0)
        {
            Interlocked.Increment(ref _sampleCopies);
            if (i == FailAt)
            {
                throw Failure;
            }

            Fill(i, destination);
        }
        else
        {
            destination[0] = i;
        }
    }

    private void Fill(int i, Span<float> destination)
    {
        for (int j = 0; j < features; j++)
        {
            destination[j] = TestData.Feature(i, j);
        }
    }
}
