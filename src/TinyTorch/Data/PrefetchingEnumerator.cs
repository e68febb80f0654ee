using System.Collections;
using System.Collections.Concurrent;

namespace TinyTorch.Data;

/// <summary>
/// Loads an epoch's batches on background worker threads while the consumer works, as PyTorch's
/// <c>num_workers</c> does. Batch k is built by worker k mod W and queued in that worker's bounded
/// queue; the consumer takes batch k from that queue, so batches arrive in exactly the order of the
/// single-threaded loader, and at most W × PrefetchFactor finished batches wait in memory.
/// </summary>
internal sealed class PrefetchingEnumerator : IEnumerator<Batch>
{
    private readonly BlockingCollection<Loaded>[] _queues;
    private readonly Thread[] _workers;
    private readonly CancellationTokenSource _stop = new();
    private int _next;
    private Batch? _current;
    private bool _disposed;

    public PrefetchingEnumerator(DataLoader loader, IEnumerable<ArraySegment<int>> batches, int datasetCount)
    {
        // The index order is fixed before any worker starts, so the order cannot depend on timing.
        var plan = batches.ToArray();
        int workers = Math.Min(loader.NumWorkers, Math.Max(1, plan.Length));
        _queues = new BlockingCollection<Loaded>[workers];
        _workers = new Thread[workers];
        for (int w = 0; w < workers; w++)
        {
            var queue = _queues[w] = new BlockingCollection<Loaded>(new ConcurrentQueue<Loaded>(), loader.PrefetchFactor);
            int first = w;
            _workers[w] = new Thread(() => Work(loader, plan, first, workers, datasetCount, queue, _stop.Token))
            {
                IsBackground = true,
                Name = $"DataLoader worker {w}",
            };
        }

        BatchCount = plan.Length;
        foreach (var worker in _workers)
        {
            worker.Start();
        }
    }

    private int BatchCount { get; }

    public Batch Current => _current ?? throw new InvalidOperationException("Call MoveNext before reading Current.");

    object IEnumerator.Current => Current;

    public bool MoveNext()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_next >= BatchCount)
        {
            _current = null;
            return false;
        }

        var loaded = _queues[_next % _queues.Length].Take();
        _next++;
        if (loaded.Error is not null)
        {
            Dispose();
            // Rethrow the worker's exception as-is (it already names the sample); the stack trace of
            // the worker thread is preserved inside it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(loaded.Error).Throw();
        }

        _current = loaded.Batch;
        return true;
    }

    public void Reset() => throw new NotSupportedException("Start a new epoch with a new foreach over the loader.");

    /// <summary>Stops the workers promptly and returns every batch they had prepared to the pool.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        foreach (var worker in _workers)
        {
            worker.Join();
        }

        foreach (var queue in _queues)
        {
            while (queue.TryTake(out var left))
            {
                left.Batch?.Dispose();
            }

            queue.Dispose();
        }

        _stop.Dispose();
    }

    private static void Work(
        DataLoader loader, ArraySegment<int>[] plan, int first, int stride, int datasetCount,
        BlockingCollection<Loaded> queue, CancellationToken stop)
    {
        try
        {
            for (int k = first; k < plan.Length && !stop.IsCancellationRequested; k += stride)
            {
                Loaded item;
                try
                {
                    item = new Loaded(loader.LoadBatch(plan[k], k, datasetCount), null);
                }
                catch (Exception e)
                {
                    item = new Loaded(null, e);
                }

                try
                {
                    queue.Add(item, stop);
                }
                catch (OperationCanceledException)
                {
                    item.Batch?.Dispose();
                    return;
                }

                if (item.Error is not null)
                {
                    return;
                }
            }
        }
        finally
        {
            queue.CompleteAdding();
        }
    }

    private readonly record struct Loaded(Batch? Batch, Exception? Error);
}
