namespace Course.Autograder.Boundary;

/// <summary>
/// What the runner's forwarded reference calls cost it, so that timed work is not billed for them. Notebook 03's given
/// code stacks batches with <c>Tensor.Stack</c>, which the withheld edition forwards to the parent: each call costs the
/// runner the carrying of a batch and two context switches, work the reference, stacking in this process, never does.
/// </summary>
/// <remarks>
/// The cost is measured in the runner itself before any of the submission's code runs (it can neither slow the
/// measurement down nor speed it up), as CPU time per call against bytes carried, and fitted as <c>a + b · bytes</c>.
/// Timed work is then allowed that much for each forwarded call the parent served during it, at most as many calls
/// as the work's batches have tensors: made-up extra calls buy nothing.
/// </remarks>
public sealed class ForwardingCost
{
    private readonly Lock _gate = new();
    private readonly List<(double Bytes, double Seconds)> _points = [];
    private long _calls;
    private long _bytes;
    private (TimeSpan Cpu, long Calls, long Bytes)? _started;
    private double _perCall;
    private double _perByte;

    /// <summary>Whether calibration has ended (the submission's code may run from then on).</summary>
    public bool Closed { get; private set; }

    /// <summary>The fitted cost of a call, in seconds.</summary>
    public double SecondsPerCall => _perCall;

    /// <summary>The fitted cost of a byte carried, in seconds.</summary>
    public double SecondsPerByte => _perByte;

    /// <summary>Counts one forwarded call the parent served.</summary>
    /// <param name="bytes">The bytes it carried (its payload).</param>
    public void Served(long bytes)
    {
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _bytes, bytes);
    }

    /// <summary>The calls served and bytes carried so far.</summary>
    /// <returns>Both counts.</returns>
    public (long Calls, long Bytes) Counts() => (Interlocked.Read(ref _calls), Interlocked.Read(ref _bytes));

    /// <summary>Starts measuring a run of calibration calls.</summary>
    /// <param name="cpu">The runner's CPU time now.</param>
    /// <exception cref="InvalidOperationException">Calibration has ended.</exception>
    public void Start(TimeSpan cpu)
    {
        lock (_gate)
        {
            ThrowIfClosed();
            var (calls, bytes) = Counts();
            _started = (cpu, calls, bytes);
        }
    }

    /// <summary>Ends a run of calibration calls, keeping its cost per call.</summary>
    /// <param name="cpu">The runner's CPU time now.</param>
    /// <exception cref="InvalidOperationException">Calibration has ended, or no run was started.</exception>
    public void Stop(TimeSpan cpu)
    {
        lock (_gate)
        {
            ThrowIfClosed();
            var started = _started ?? throw new InvalidOperationException("calibration.stop came without calibration.start.");
            _started = null;
            var (calls, bytes) = Counts();
            long n = calls - started.Calls;
            if (n > 0 && _points.Count < 16)
            {
                _points.Add(((double)(bytes - started.Bytes) / n, (cpu - started.Cpu).TotalSeconds / n));
            }
        }
    }

    /// <summary>Ends calibration and fits the cost (no points: no allowance, the strict default).</summary>
    public void Close()
    {
        lock (_gate)
        {
            if (Closed)
            {
                return;
            }

            Closed = true;
            if (_points.Count == 0)
            {
                return;
            }

            // Of the runs at each size, the cheapest: noise only ever adds, and an allowance had better be too small.
            var sizes = _points.GroupBy(p => p.Bytes).Select(g => (Bytes: g.Key, Seconds: g.Min(p => p.Seconds))).OrderBy(p => p.Bytes).ToList();
            var small = sizes[0];
            var large = sizes[^1];
            _perByte = large.Bytes > small.Bytes ? Math.Max(0, (large.Seconds - small.Seconds) / (large.Bytes - small.Bytes)) : 0;
            _perCall = Math.Max(0, small.Seconds - (_perByte * small.Bytes));
        }
    }

    /// <summary>What timed work is allowed for the forwarded calls served while it ran.</summary>
    /// <param name="before">The counts when it started.</param>
    /// <param name="after">The counts when it ended.</param>
    /// <param name="maxCalls">The most calls it may need (its batches' tensors).</param>
    /// <returns>The CPU time to take off its measurement.</returns>
    public TimeSpan Allowance((long Calls, long Bytes) before, (long Calls, long Bytes) after, long maxCalls)
    {
        long calls = after.Calls - before.Calls;
        if (!Closed || calls <= 0 || maxCalls <= 0)
        {
            return TimeSpan.Zero;
        }

        double share = Math.Min(1.0, (double)maxCalls / calls);
        double seconds = share * ((calls * _perCall) + ((after.Bytes - before.Bytes) * _perByte));
        return TimeSpan.FromSeconds(seconds);
    }

    private void ThrowIfClosed()
    {
        if (Closed)
        {
            throw new InvalidOperationException("Calibration has ended: the runner measures forwarded calls only before the submission's code runs.");
        }
    }
}
