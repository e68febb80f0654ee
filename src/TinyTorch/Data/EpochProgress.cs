namespace TinyTorch.Data;

/// <summary>
/// How far the consumer has got in one epoch: the batches handed over so far, counted when the
/// enumerator hands a batch over (not when a worker builds it), which is what a resumed run must skip.
/// </summary>
internal sealed class EpochProgress(int epoch, int batches, int first)
{
    private int _next = first;

    /// <summary>The epoch's number.</summary>
    public int Epoch { get; } = epoch;

    /// <summary>The epoch's number of batches, from batch 0.</summary>
    public int Batches { get; } = batches;

    /// <summary>The batch the enumeration started from: 0, or the restored state's batch.</summary>
    public int First { get; } = first;

    /// <summary>The first batch not yet handed to the consumer.</summary>
    public int Next => Volatile.Read(ref _next);

    /// <summary>Records that one more batch has been handed to the consumer (on the consumer's thread).</summary>
    public void Delivered() => Interlocked.Increment(ref _next);
}
