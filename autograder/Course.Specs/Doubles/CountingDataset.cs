using TinyTorch;
using TinyTorch.Data;

namespace Course.Specs.Doubles;

/// <summary>
/// An instrumented dataset: sample i is (features filled with i, label i), and every read is counted,
/// so a check can see exactly which samples a loader read and when.
/// </summary>
public sealed class CountingDataset : Dataset<Tensor[]>
{
    private readonly int[] _reads;
    private readonly int _features;
    private readonly Tensor[][]? _built;
    private readonly List<int>? _order;
    private int _total;

    /// <summary>Creates a dataset of <paramref name="count"/> samples with <paramref name="features"/> values each.</summary>
    /// <param name="count">The number of samples.</param>
    /// <param name="features">Values per sample's feature tensor.</param>
    /// <param name="prebuilt">
    /// Build every sample now and hand out the same arrays on every read, so a read allocates nothing: for timing a
    /// loader's own work (its shuffle) without the garbage collector's cost of the samples it holds on to.
    /// </param>
    /// <param name="keepReadOrder">
    /// Also keep the order of the reads (<see cref="ReadOrder"/>), so that a check can tell a loader that reads in the
    /// shuffled order from one that reads everything in index order; off by default, as it costs a lock per read.
    /// </param>
    public CountingDataset(int count, int features = 3, bool prebuilt = false, bool keepReadOrder = false)
    {
        _reads = new int[count];
        _features = features;
        _built = prebuilt ? Enumerable.Range(0, count).Select(Build).ToArray() : null;
        _order = keepReadOrder ? [] : null;
    }

    /// <summary>The samples read, in the order they were read, when the dataset keeps it; else empty.</summary>
    public IReadOnlyList<int> ReadOrder
    {
        get
        {
            if (_order is null)
            {
                return [];
            }

            lock (_order)
            {
                return [.. _order];
            }
        }
    }

    /// <inheritdoc/>
    public override int Count => _reads.Length;

    /// <summary>Total reads so far.</summary>
    public int TotalReads => Volatile.Read(ref _total);

    /// <summary>How often sample <paramref name="index"/> has been read.</summary>
    /// <param name="index">The sample.</param>
    /// <returns>Its read count.</returns>
    public int ReadsOf(int index) => Volatile.Read(ref _reads[index]);

    /// <inheritdoc/>
    public override Tensor[] this[int index]
    {
        get
        {
            int i = NormalizeIndex(index);
            Interlocked.Increment(ref _reads[i]);
            Interlocked.Increment(ref _total);
            if (_order is not null)
            {
                lock (_order)
                {
                    _order.Add(i);
                }
            }

            return _built is null ? Build(i) : _built[i];
        }
    }

    private Tensor[] Build(int i)
    {
        var features = new float[_features];
        Array.Fill(features, i);
        return [new Tensor(features, _features), Tensor.Scalar(i)];
    }

    /// <summary>Sets every read count back to zero.</summary>
    public void ResetCounts()
    {
        Array.Clear(_reads);
        Volatile.Write(ref _total, 0);
        if (_order is not null)
        {
            lock (_order)
            {
                _order.Clear();
            }
        }

    }
}
