namespace Course.Boundary;

/// <summary>
/// A queue one thread waits on and others add to, that blocks without spinning: the channel hands every frame from
/// its reader to a waiting thread, and the runner's CPU time is measured by the kernel, so a spinning wait (as in
/// <see cref="System.Collections.Concurrent.BlockingCollection{T}"/>) would be billed to the code under test.
/// </summary>
/// <typeparam name="T">The items.</typeparam>
internal sealed class Mailbox<T>
{
    private readonly Queue<T> _items = new();
    private bool _completed;

    /// <summary>Adds an item and wakes a waiting taker; false once completed.</summary>
    /// <param name="item">The item.</param>
    /// <returns>Whether it was added.</returns>
    public bool Add(T item)
    {
        lock (_items)
        {
            if (_completed)
            {
                return false;
            }

            _items.Enqueue(item);
            Monitor.Pulse(_items);
            return true;
        }
    }

    /// <summary>Takes the next item, waiting for one; false once completed and empty.</summary>
    /// <param name="item">The item.</param>
    /// <returns>Whether an item was taken.</returns>
    public bool TryTake(out T item)
    {
        lock (_items)
        {
            while (_items.Count == 0)
            {
                if (_completed)
                {
                    item = default!;
                    return false;
                }

                Monitor.Wait(_items);
            }

            item = _items.Dequeue();
            return true;
        }
    }

    /// <summary>Refuses further items and wakes every taker (they drain what is left, then stop).</summary>
    public void Complete()
    {
        lock (_items)
        {
            _completed = true;
            Monitor.PulseAll(_items);
        }
    }
}
