using System.Threading.Channels;
namespace Course.Samples.Cells.CompleteDifferent; // project-only

// A bounded Channel and a thread-pool task instead of a BlockingCollection and a thread.
public sealed class Prefetcher<T> : IEnumerable<T>
{
    private readonly IEnumerable<T> _source;
    private readonly int _capacity;

    public Prefetcher(IEnumerable<T> source, int capacity)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"capacity must be at least 1, got {capacity}.");
        _capacity = capacity;
    }

    public IEnumerator<T> GetEnumerator()
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(_capacity) { SingleReader = true, SingleWriter = true });
        var stop = new CancellationTokenSource();
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var item in _source) await channel.Writer.WriteAsync(item, stop.Token);
                channel.Writer.TryComplete();
            }
            catch (OperationCanceledException) { channel.Writer.TryComplete(); }
            catch (Exception e) { channel.Writer.TryComplete(e); }
        });
        try
        {
            while (channel.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
                while (channel.Reader.TryRead(out var item)) yield return item;
        }
        finally
        {
            stop.Cancel();
            try { producer.Wait(); } catch (AggregateException) { }
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
