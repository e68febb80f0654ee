using TinyTorch.Analysis.Measurement;
using TinyTorch.Data;

namespace TinyTorch.Analysis.Instruments;

/// <summary>
/// Wraps a dataset and records, per thread, when samples were being read, so a starvation timeline
/// can show loading next to compute. Forwards row copies so the loader keeps its real path.
/// </summary>
internal sealed class LoadRecorder : Dataset<Tensor[]>, IRowSource
{
    // Reads closer together than this on one thread are one busy period: the gap between two samples
    // of a batch, or between two batches of a worker, is the loader's own bookkeeping, not idleness.
    private const double MergeGapMilliseconds = 0.05;

    private readonly Dataset<Tensor[]> _inner;
    private readonly IRowSource? _rows;
    private readonly int _consumerThread;
    private readonly long _origin;
    private readonly List<(string Lane, long Start, long End)> _reads = [];

    public LoadRecorder(Dataset<Tensor[]> inner, int consumerThread, long origin)
    {
        _inner = inner;
        _rows = inner as IRowSource;
        _consumerThread = consumerThread;
        _origin = origin;
    }

    public override int Count => _inner.Count;

    public override Tensor[] this[int index]
    {
        get
        {
            long start = Timing.Now;
            var sample = _inner[index];
            Record(start);
            return sample;
        }
    }

    public bool CanCopyRows => _rows is { CanCopyRows: true };

    public int Positions => _rows!.Positions;

    public ReadOnlySpan<int> SampleShape(int position) => _rows!.SampleShape(position);

    public void CopySample(int index, int position, Span<float> destination)
    {
        long start = Timing.Now;
        _rows!.CopySample(index, position, destination);
        Record(start);
    }

    /// <summary>The recorded reads merged into busy periods per lane, in milliseconds since the origin.</summary>
    public List<TimelineSpan> LoadingSpans()
    {
        List<(string Lane, long Start, long End)> reads;
        lock (_reads)
        {
            reads = [.. _reads];
        }

        var spans = new List<TimelineSpan>();
        foreach (var lane in reads.GroupBy(r => r.Lane))
        {
            TimelineSpan? open = null;
            foreach (var (_, start, end) in lane.OrderBy(r => r.Start))
            {
                double s = Timing.MillisecondsSince(_origin, start), e = Timing.MillisecondsSince(_origin, end);
                if (open is not null && s - open.EndMilliseconds <= MergeGapMilliseconds)
                {
                    open = open with { EndMilliseconds = Math.Max(open.EndMilliseconds, e) };
                    continue;
                }

                if (open is not null)
                {
                    spans.Add(open);
                }

                open = new TimelineSpan(lane.Key, TimelineActivity.Loading, s, e);
            }

            if (open is not null)
            {
                spans.Add(open);
            }
        }

        return spans;
    }

    private void Record(long start)
    {
        long end = Timing.Now;
        string lane = LaneOfCurrentThread();
        lock (_reads)
        {
            _reads.Add((lane, start, end));
        }
    }

    private string LaneOfCurrentThread()
    {
        var thread = Thread.CurrentThread;
        if (thread.ManagedThreadId == _consumerThread)
        {
            return StarvationSimulator.MainThreadLane;
        }

        // The core names its workers "DataLoader worker 0", "... 1"; lanes count from 1 for readers.
        const string workerPrefix = "DataLoader worker ";
        return thread.Name is { } name && name.StartsWith(workerPrefix, StringComparison.Ordinal) && int.TryParse(name.AsSpan(workerPrefix.Length), out int w)
            ? $"worker {w + 1}"
            : $"thread {thread.ManagedThreadId}";
    }
}
