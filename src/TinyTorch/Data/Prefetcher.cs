using System.Collections;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace TinyTorch.Data;

/// <summary>
/// Runs any sequence ahead of its consumer on a background thread, holding at most
/// <see cref="Capacity"/> finished items in a bounded queue: the idea behind PyTorch's
/// <c>num_workers</c>, in its smallest form. While the consumer works on item N, the producer is
/// already computing item N+1 (up to N+Capacity), so the consumer's and the producer's time overlap.
/// </summary>
/// <typeparam name="T">The item type, e.g. a batch.</typeparam>
/// <remarks>
/// Items arrive in the source's order. An exception thrown by the source surfaces in the consumer,
/// with the original exception as the inner exception. Breaking out of a <c>foreach</c> (which
/// disposes the enumerator) stops the producer promptly. Each enumeration starts a fresh pass over
/// the source.
/// </remarks>
public sealed class Prefetcher<T> : IEnumerable<T>
{
    private readonly IEnumerable<T> _source;

    /// <summary>Creates a prefetcher over <paramref name="source"/>.</summary>
    /// <param name="source">The sequence to run ahead.</param>
    /// <param name="capacity">The most items held ready at once, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public Prefetcher(IEnumerable<T> source, int capacity = 2)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"capacity must be at least 1 item, but was {capacity}.");
        }

        _source = source;
        Capacity = capacity;
    }

    /// <summary>The most items held ready at once.</summary>
    public int Capacity { get; }

    /// <summary>Starts the producer and returns the items as they become ready.</summary>
    public IEnumerator<T> GetEnumerator()
    {
        using var queue = new BlockingCollection<(T Item, ExceptionDispatchInfo? Error)>(Capacity);
        using var stop = new CancellationTokenSource();
        var producer = new Thread(() => Produce(queue, stop.Token)) { IsBackground = true, Name = "Prefetcher" };
        producer.Start();
        try
        {
            foreach (var (item, error) in queue.GetConsumingEnumerable())
            {
                if (error is not null)
                {
                    throw new InvalidOperationException($"The prefetched sequence failed: {error.SourceException.Message}", error.SourceException);
                }

                yield return item;
            }
        }
        finally
        {
            // Runs on normal completion, on an exception and when the consumer breaks out early.
            stop.Cancel();
            producer.Join();
            // Items prefetched but never consumed may own resources (a pooled batch): release them.
            while (queue.TryTake(out var left))
            {
                (left.Item as IDisposable)?.Dispose();
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Produce(BlockingCollection<(T, ExceptionDispatchInfo?)> queue, CancellationToken stop)
    {
        try
        {
            foreach (var item in _source)
            {
                queue.Add((item, null), stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The consumer has gone; stopping is the point.
        }
        catch (Exception e)
        {
            try
            {
                queue.Add((default!, ExceptionDispatchInfo.Capture(e)), stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
        finally
        {
            queue.CompleteAdding();
        }
    }
}
