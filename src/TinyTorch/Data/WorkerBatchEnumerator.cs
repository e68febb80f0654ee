using System.Collections;
using System.Collections.Concurrent;

namespace TinyTorch.Data;

/// <summary>
/// Loads an epoch's batches on background worker threads while the consumer works, as PyTorch's
/// <c>num_workers</c> does. Batch k is built by worker k mod W and queued in that worker's bounded
/// queue; the consumer takes batch k from that queue, so batches arrive in exactly the order of the
/// single-threaded loader, and at most W × PrefetchFactor finished batches wait in memory. Which worker
/// builds a batch never changes its values: each sample draws from its own <see cref="SampleRandom"/>.
/// </summary>
internal sealed class WorkerBatchEnumerator : IEnumerator<Batch>
{
    private readonly BlockingCollection<Loaded>[] _queues;
    private readonly Thread[] _workers;
    private readonly CancellationTokenSource _stop = new();
    private readonly EpochProgress _progress;
    private int _next;
    private Batch? _current;
    private bool _disposed;

    public WorkerBatchEnumerator(IEnumerable<ArraySegment<int>> batches, EpochContext epoch, EpochProgress progress)
    {
        // The index order is fixed before any worker starts, so the order cannot depend on timing.
        var loader = epoch.Loader;
        var plan = batches.ToArray();
        int workers = Math.Min(loader.NumWorkers, Math.Max(1, plan.Length));
        _progress = progress;
        _queues = new BlockingCollection<Loaded>[workers];
        _workers = new Thread[workers];
        for (int w = 0; w < workers; w++)
        {
            var queue = _queues[w] = new BlockingCollection<Loaded>(new ConcurrentQueue<Loaded>(), loader.PrefetchFactor);
            int first = w;
            _workers[w] = new Thread(() => Work(plan, progress.First, first, workers, epoch, queue, _stop.Token))
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
        _progress.Delivered();
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
        ArraySegment<int>[] plan, int firstBatch, int first, int stride, EpochContext epoch,
        BlockingCollection<Loaded> queue, CancellationToken stop)
    {
        try
        {
            for (int k = first; k < plan.Length && !stop.IsCancellationRequested; k += stride)
            {
                Loaded item;
                try
                {
                    // Batch numbers are the epoch's, also when it was resumed part-way.
                    item = new Loaded(epoch.Loader.LoadBatch(plan[k], firstBatch + k, epoch), null);
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
