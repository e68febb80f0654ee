namespace Course.Specs.Doubles;

/// <summary>
/// A sequence 0, 1, 2, ... that counts how far it has been pulled, can take time per item, can fail
/// at a chosen item, and records whether its enumeration was closed: a probe for prefetchers.
/// </summary>
/// <param name="count">The number of items.</param>
/// <param name="itemDelay">Time to produce each item.</param>
/// <param name="failAt">The item at which to throw, if any.</param>
public sealed class CountingSource(int count, TimeSpan itemDelay = default, int? failAt = null) : IEnumerable<int>
{
    private readonly List<(long Start, long End)> _producing = [];
    private int _pulled;
    private int _closed;

    /// <summary>
    /// When each item was being produced (its delay), as <see cref="System.Diagnostics.Stopwatch"/> timestamps: what a
    /// check compares with when the consumer was busy, to see whether the two happened at the same time.
    /// </summary>
    public IReadOnlyList<(long Start, long End)> Producing
    {
        get
        {
            lock (_producing)
            {
                return [.. _producing];
            }
        }
    }

    /// <summary>How many items have been produced so far.</summary>
    public int Pulled => Volatile.Read(ref _pulled);

    /// <summary>Whether an enumeration was closed (finished or disposed).</summary>
    public bool Closed => Volatile.Read(ref _closed) != 0;

    /// <inheritdoc/>
    public IEnumerator<int> GetEnumerator()
    {
        try
        {
            for (int i = 0; i < count; i++)
            {
                if (i == failAt)
                {
                    throw new InvalidDataException($"item {i} is corrupt");
                }

                if (itemDelay > TimeSpan.Zero)
                {
                    long start = System.Diagnostics.Stopwatch.GetTimestamp();
                    Thread.Sleep(itemDelay);
                    lock (_producing)
                    {
                        _producing.Add((start, System.Diagnostics.Stopwatch.GetTimestamp()));
                    }
                }

                Interlocked.Increment(ref _pulled);
                yield return i;
            }
        }
        finally
        {
            Volatile.Write(ref _closed, 1);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
