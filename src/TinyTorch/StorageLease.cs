namespace TinyTorch;

/// <summary>
/// The right of a batch's tensors to use pooled storage. Releasing it is a one-way switch that every
/// tensor of the batch checks before touching its values, so a use after the buffer went back to the
/// pool fails loudly instead of reading the next batch's data.
/// </summary>
internal sealed class StorageLease
{
    private int _released;

    /// <summary>Whether the storage has gone back to its pool.</summary>
    public bool IsReleased => Volatile.Read(ref _released) != 0;

    /// <summary>Marks the storage released; true only for the first caller, so buffers return once.</summary>
    public bool TryRelease() => Interlocked.Exchange(ref _released, 1) == 0;
}
