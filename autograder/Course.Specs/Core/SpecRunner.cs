using System.Diagnostics;

namespace Course.Specs.Core;

/// <summary>
/// Runs graded checks one at a time, each on its own thread with its own time limit, and turns
/// whatever happens (a pass, a failed property, a stub that is not implemented yet, an exception, an
/// infinite loop) into a <see cref="CheckResult"/>. It never throws for the code under test, so a
/// notebook check cell always finishes and shows its table.
/// </summary>
public static class SpecRunner
{
    // How often a CPU-limited check's time is read, and what counts as doing nothing: under 20 ms of CPU time in 2 s
    // of the wall clock, far below what any running code gets even on a machine loaded tenfold.
    private static readonly TimeSpan CpuPoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan StillWindow = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StillProgress = TimeSpan.FromMilliseconds(20);
    private const int WallBound = 10;

    /// <summary>Runs <paramref name="specs"/> against <paramref name="implementation"/>, in order.</summary>
    /// <param name="specs">The checks.</param>
    /// <param name="implementation">The implementation under test.</param>
    /// <param name="timeoutScale">Multiplies every check's time limit (the autograder may give slow machines more).</param>
    /// <returns>The report, one result per check; a failure that may follow from an earlier one says so (<see cref="FailureChain"/>).</returns>
    public static CheckReport Run(IEnumerable<Spec> specs, Implementation implementation, double timeoutScale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(implementation);
        var results = new Dictionary<string, CheckResult>(StringComparer.Ordinal);
        var report = new List<CheckResult>();
        foreach (var spec in specs)
        {
            // In order: a failure that may follow from an earlier one of the report says so.
            var result = FailureChain.Annotate(RunOne(spec, implementation, timeoutScale), results);
            results[spec.Id] = result;
            report.Add(result);
        }

        return new CheckReport(report);
    }

    /// <summary>Runs one check.</summary>
    /// <param name="spec">The check.</param>
    /// <param name="implementation">The implementation under test.</param>
    /// <param name="timeoutScale">Multiplies the check's time limit.</param>
    /// <returns>Its result.</returns>
    public static CheckResult RunOne(Spec spec, Implementation implementation, double timeoutScale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Exception? error = null;
        double? measured = null;
        var clock = Stopwatch.StartNew();
        // A thread of its own, so that an infinite loop in student code costs this check, not the run.
        // A background thread: if it never returns, it cannot keep the process alive.
        var thread = new Thread(() =>
        {
            _ = Timing.TakeLastMeasurement();
            try
            {
                spec.Body(implementation);
            }
            catch (Exception e)
            {
                error = e;
            }

            measured = Timing.TakeLastMeasurement();
        }, maxStackSize: 16 * 1024 * 1024)
        {
            IsBackground = true,
            Name = $"check {spec.Id}",
        };
        var limit = spec.Timeout * timeoutScale;
        var meter = implementation.World as ICpuMeter;
        TimeSpan cpuAtStart = meter?.CpuUsed() ?? TimeSpan.Zero;
        thread.Start();
        string? timedOut = meter is null ? WaitByWallClock(thread, limit, spec.Id) : WaitByCpu(thread, limit, spec.Id, meter, cpuAtStart, clock);
        if (timedOut is not null)
        {
            return new CheckResult(spec, CheckStatus.TimedOut, timedOut, clock.Elapsed);
        }

        return error switch
        {
            null => new CheckResult(spec, CheckStatus.Passed, "", clock.Elapsed) { Measured = measured },
            SpecFailure f => new CheckResult(spec, CheckStatus.Failed, f.Message, clock.Elapsed) { Measured = f.Measured },
            MissingExerciseException m => new CheckResult(spec, CheckStatus.Missing, m.Message, clock.Elapsed),
            _ when Unwrap(error) is NotImplementedException n => new CheckResult(spec, CheckStatus.NotImplemented,
                $"Not implemented yet: {n.Message}", clock.Elapsed),
            _ => new CheckResult(spec, CheckStatus.Failed,
                $"The code under test threw {Unwrap(error).GetType().Name}: {Unwrap(error).Message}", clock.Elapsed),
        };
    }

    private static string? WaitByWallClock(Thread thread, TimeSpan limit, string id) =>
        thread.Join(limit)
            ? null
            : $"Timed out after {limit.TotalSeconds:0.#} s in check {id}: the code under test did not finish (look for an infinite loop or a wait that never ends).";

    // The limit counts the CPU time the code under test used, so a loaded machine, which stretches the wall clock but
    // not that, cannot time out a correct submission. Code that waits uses no CPU time: a check whose code made no
    // progress for a while after the limit has passed on the wall clock (no CPU time to speak of, no message from the
    // code's side) is waiting for something that will not come.
    // A last bound on the wall clock catches code that keeps itself barely busy (a loop around a short sleep).
    private static string? WaitByCpu(Thread thread, TimeSpan limit, string id, ICpuMeter meter, TimeSpan cpuAtStart, Stopwatch clock)
    {
        var readings = new Queue<(TimeSpan Wall, TimeSpan Cpu, long Messages)>();
        while (!thread.Join(CpuPoll))
        {
            TimeSpan wall = clock.Elapsed, cpu = meter.CpuUsed() - cpuAtStart;
            long messages = meter.MessagesReceived();
            readings.Enqueue((wall, cpu, messages));
            while (wall - readings.Peek().Wall > StillWindow)
            {
                readings.Dequeue();
            }

            if (cpu >= limit)
            {
                return $"Timed out after {limit.TotalSeconds:0.#} s of CPU time in check {id}: the code under test did not finish (look for an infinite loop).";
            }

            // Still: little CPU time and no message from the code's side in the window. A check of thousands of small
            // calls costs that side a few microseconds each, under the CPU bound on a loaded machine, but it answers.
            var (windowStart, cpuThen, messagesThen) = readings.Peek();
            bool still = wall - windowStart >= StillWindow * 0.9 && cpu - cpuThen < StillProgress && messages == messagesThen;
            if (wall >= limit && still)
            {
                return $"Timed out after {wall.TotalSeconds:0.#} s in check {id}: the code under test waited without doing any work and did not finish (look for a wait that never ends: a lock, a queue nobody fills, a thread nobody starts).";
            }

            if (wall >= limit * WallBound)
            {
                return $"Timed out after {wall.TotalSeconds:0.#} s in check {id}, having used {cpu.TotalSeconds:0.#} s of CPU time: the code under test did not finish (look for a loop that never ends, perhaps around a sleep or a wait).";
            }
        }

        return null;
    }

    // Reflection and loaders wrap what student code threw; the student wants to see their own exception.
    private static Exception Unwrap(Exception e)
    {
        while (e is System.Reflection.TargetInvocationException or AggregateException or TinyTorch.Data.SampleLoadException && e.InnerException is not null)
        {
            e = e.InnerException!;
        }

        return e;
    }
}
