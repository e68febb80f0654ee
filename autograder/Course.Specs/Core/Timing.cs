using System.Diagnostics;
using System.Globalization;

namespace Course.Specs.Core;

/// <summary>
/// Time measurements that survive a busy machine: CPU time rather than wall time (what the code itself ran, which
/// other processes do not inflate), two pieces of work interleaved after a warm-up, and several runs of each compared,
/// never one reading against a fixed number. Scaling checks compare the code under test with itself at two sizes,
/// where it runs (the least time of each size: noise only adds); the one budget against the reference (collate-time)
/// compares medians with a generous bound and retries. The student's CPU time comes from the <see cref="ISpecWorld"/>
/// the code runs in (this thread, or the grading runner's process tree as the kernel counts it).
/// </summary>
public static class Timing
{
    /// <summary>
    /// How many times a time budget that is missed is measured again before the check fails. Noise only
    /// ever slows code down, so the best ratio to the reference is the truest; code that is really slow
    /// misses by a wide margin every time. (Scaling checks measure once: see <see cref="Scaling(string, Func{int, TimeSpan}, int, double, int)"/>.)
    /// </summary>
    public const int Attempts = 3;

    [ThreadStatic]
    private static double? t_lastMeasurement;

    /// <summary>
    /// The ratio or growth the last budget or scaling check measured on this thread, passed or not, and forgets it:
    /// what a check reports beside its verdict, so that a grade's margin can be seen (and its steadiness measured).
    /// </summary>
    /// <returns>The measurement, or null when none was made since the last call.</returns>
    public static double? TakeLastMeasurement()
    {
        double? last = t_lastMeasurement;
        t_lastMeasurement = null;
        return last;
    }

    /// <summary>The median seconds of <paramref name="student"/> and of <paramref name="reference"/>, measured alternately.</summary>
    /// <param name="student">The code under test.</param>
    /// <param name="reference">The reference code doing the same work.</param>
    /// <param name="runs">Measured runs of each, after one warm-up run.</param>
    /// <returns>Both medians, in seconds.</returns>
    /// <param name="studentTime">Measures one run of the student's code.</param>
    /// <param name="referenceTime">Measures one run of the reference.</param>
    public static (double Student, double Reference) Interleaved(Action student, Action reference, Func<Action, TimeSpan> studentTime, Func<Action, TimeSpan> referenceTime, int runs = 7)
    {
        ArgumentNullException.ThrowIfNull(studentTime);
        ArgumentNullException.ThrowIfNull(referenceTime);
        return Interleaved(() => studentTime(student), () => referenceTime(reference), runs);
    }

    /// <summary>The median seconds of two timed runs, each run once to warm up and then alternately.</summary>
    /// <param name="student">Runs the code under test once and says how long it took.</param>
    /// <param name="reference">Runs the reference once and says how long it took.</param>
    /// <param name="runs">Measured runs of each, after one warm-up run.</param>
    /// <returns>Both medians, in seconds.</returns>
    public static (double Student, double Reference) Interleaved(Func<TimeSpan> student, Func<TimeSpan> reference, int runs = 7)
    {
        var (s, r) = Runs(student, reference, runs);
        return (Median(s), Median(r));
    }

    /// <summary>
    /// The least seconds of two timed runs, each run once to warm up and then alternately. CPU time only ever gains
    /// from noise (a tier-up compiled on a background thread, a collection, caches another process emptied), so the
    /// least of several runs is the cost with the least noise in it, for each side alone.
    /// </summary>
    /// <param name="first">Runs one piece of work once and says how long it took.</param>
    /// <param name="second">Runs the other once and says how long it took.</param>
    /// <param name="runs">Measured runs of each, after one warm-up run.</param>
    /// <returns>Both minima, in seconds.</returns>
    public static (double First, double Second) InterleavedMinimum(Func<TimeSpan> first, Func<TimeSpan> second, int runs = 5)
    {
        var (f, s) = Runs(first, second, runs);
        return (f.Min(), s.Min());
    }

    private static (double[] First, double[] Second) Runs(Func<TimeSpan> first, Func<TimeSpan> second, int runs)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        first();
        second();
        var f = new double[runs];
        var s = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            f[i] = Seconds(first);
            s[i] = Seconds(second);
        }

        return (f, s);
    }

    /// <summary>The CPU time of this thread while an action runs: how the reference is measured.</summary>
    /// <param name="action">The work.</param>
    /// <returns>Its CPU time.</returns>
    public static TimeSpan ThreadCpu(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        TimeSpan start = CpuClock.CurrentThread();
        action();
        return CpuClock.CurrentThread() - start;
    }

    /// <summary>
    /// The median wall-clock seconds of two pieces of work, measured alternately: only for properties no CPU clock
    /// can see (two threads overlapping in time), and then with a generous bound, and said so in the message.
    /// </summary>
    /// <param name="first">One piece of work.</param>
    /// <param name="second">The other.</param>
    /// <param name="runs">Measured runs of each, after one warm-up run.</param>
    /// <returns>Both medians, in seconds.</returns>
    public static (double First, double Second) WallInterleaved(Action first, Action second, int runs = 3)
    {
        static TimeSpan Wall(Action action)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            return Stopwatch.GetElapsedTime(start);
        }

        return Interleaved(first, second, Wall, Wall, runs);
    }

    /// <summary>
    /// Fails unless the student's median time is at most <paramref name="budget"/> times the reference's.
    /// </summary>
    /// <param name="what">The work measured, for the message.</param>
    /// <param name="student">The code under test.</param>
    /// <param name="reference">The reference code doing the same work.</param>
    /// <param name="budget">The allowed ratio.</param>
    /// <param name="world">Where the student's code runs (its CPU clock).</param>
    /// <returns>The measured ratio.</returns>
    public static double WithinBudget(string what, Action student, Action reference, double budget, ISpecWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return WithinBudget(what, () => world.StudentCpu(student), () => ThreadCpu(reference), budget);
    }

    /// <summary>
    /// Fails unless the median CPU time of <paramref name="student"/> is at most <paramref name="budget"/> times
    /// <paramref name="reference"/>'s, each a function that runs its work once and says how long it took (a
    /// <see cref="TimedRun"/> of the world the code runs in, verified by the caller).
    /// </summary>
    /// <param name="what">The work measured, for the message.</param>
    /// <param name="student">Runs the code under test once; its CPU time.</param>
    /// <param name="reference">Runs the reference once; its CPU time.</param>
    /// <param name="budget">The allowed ratio.</param>
    /// <returns>The measured ratio.</returns>
    public static double WithinBudget(string what, Func<TimeSpan> student, Func<TimeSpan> reference, double budget)
    {
        double s = 0, r = 0, ratio = double.PositiveInfinity;
        for (int attempt = 0; attempt < Attempts && ratio > budget; attempt++)
        {
            var (ts, tr) = Interleaved(student, reference);
            if (ts / Math.Max(tr, 1e-9) < ratio)
            {
                (s, r, ratio) = (ts, tr, ts / Math.Max(tr, 1e-9));
            }
        }

        return Judged(ratio, budget, () => string.Create(CultureInfo.InvariantCulture,
            $"Expected {what} to take at most {budget:0.#}x the reference's CPU time, but it took {ratio:0.0}x ({s * 1e3:0.##} ms against {r * 1e3:0.##} ms of CPU time, medians of interleaved runs, the best of {Attempts} attempts)."));
    }

    /// <summary>
    /// Fails unless time grows at most <paramref name="limit"/>-fold when the input grows
    /// <paramref name="factor"/>-fold. With a factor of 8, linear code gives about 8 (more under garbage
    /// collection pressure) and quadratic code about 64, so a limit between them tells the two apart
    /// even on a noisy machine.
    /// </summary>
    /// <param name="what">The work measured, for the message.</param>
    /// <param name="run">Runs the work on an input of the given size.</param>
    /// <param name="size">The smaller size; the larger is <paramref name="factor"/> times it.</param>
    /// <param name="limit">The largest acceptable t(factor · n) / t(n).</param>
    /// <param name="world">Where the student's code runs (its CPU clock).</param>
    /// <param name="factor">How much larger the second input is.</param>
    /// <returns>The measured growth.</returns>
    public static double Scaling(string what, Action<int> run, int size, double limit, ISpecWorld world, int factor = 16)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(world);
        // Sub-millisecond timings are mostly noise: repeat the work so the smaller input takes a few
        // milliseconds, and the larger input the same number of times.
        run(size);
        double once = Seconds(() => world.StudentCpu(() => run(size)));
        int repeats = (int)Math.Clamp(Math.Ceiling(0.005 / Math.Max(once, 1e-7)), 1, 1000);
        return Scaling(what, n => world.StudentCpu(() => Repeat(repeats, () => run(n))), size, limit, factor);
    }

    /// <summary>
    /// Fails unless time grows at most <paramref name="limit"/>-fold when the input grows <paramref name="factor"/>-fold,
    /// each size timed by <paramref name="measure"/> (which runs the work once at that size and says how long it took).
    /// </summary>
    /// <param name="what">The work measured, for the message.</param>
    /// <param name="measure">Runs the work at a size; its CPU time.</param>
    /// <param name="size">The smaller size; the larger is <paramref name="factor"/> times it.</param>
    /// <param name="limit">The largest acceptable t(factor · n) / t(n).</param>
    /// <param name="factor">How much larger the second input is.</param>
    /// <returns>The measured growth.</returns>
    public static double Scaling(string what, Func<int, TimeSpan> measure, int size, double limit, int factor = 16)
    {
        var (small, large, runs) = LeastTimes(measure, size, factor * size, limit);
        double growth = large / Math.Max(small, 1e-9);
        return Judged(growth, limit, () => string.Create(CultureInfo.InvariantCulture,
            $"Expected {what} to grow about linearly (CPU time x{limit:0} at most for {factor}x the input), but it grew x{growth:0.0} " +
            $"({small * 1e3:0.##} ms for {size:N0}, {large * 1e3:0.##} ms for {factor * size:N0}, the least CPU time of {runs} interleaved runs each): look for work repeated inside a loop."));
    }

    /// <summary>
    /// Fails unless the same amount of work costs about the same at two sizes of what it works on: at most
    /// <paramref name="limit"/> times as much at <paramref name="large"/> as at <paramref name="small"/>. Work that does not
    /// depend on the size gives about 1; work that passes over the whole input each time grows with the sizes' ratio. Measured
    /// as <see cref="Scaling(string, Func{int, TimeSpan}, int, double, int)"/> is: each size's least time of five
    /// interleaved runs, and of ten when over the limit.
    /// </summary>
    /// <param name="what">The work measured, for the message (<c>a batch</c>).</param>
    /// <param name="sizeName">What the sizes count, for the message (<c>samples</c>).</param>
    /// <param name="measure">Runs the work at a size; its CPU time.</param>
    /// <param name="small">The smaller size.</param>
    /// <param name="large">The larger size.</param>
    /// <param name="limit">The largest acceptable t(large) / t(small).</param>
    /// <returns>The measured ratio.</returns>
    public static double SizeIndependent(string what, string sizeName, Func<int, TimeSpan> measure, int small, int large, double limit)
    {
        var (atSmall, atLarge, runs) = LeastTimes(measure, small, large, limit);
        double ratio = atLarge / Math.Max(atSmall, 1e-9);
        return Judged(ratio, limit, () => string.Create(CultureInfo.InvariantCulture,
            $"Expected {what} to cost about the same among {large:N0} {sizeName} as among {small:N0} (CPU time x{limit:0.#} at most), but it cost x{ratio:0.0} " +
            $"({atSmall * 1e3:0.##} ms among {small:N0}, {atLarge * 1e3:0.##} ms among {large:N0}, the least CPU time of {runs} interleaved runs each): look for work over all the {sizeName} repeated inside the loop."));
    }

    // Notes the measurement for TakeLastMeasurement, passed or not, and fails over the limit with the message.
    private static double Judged(double measured, double limit, Func<string> failure)
    {
        t_lastMeasurement = measured;
        return measured > limit ? throw new SpecFailure(failure()) { Measured = measured } : measured;
    }

    // One attempt, unlike WithinBudget: noise in the smaller run lowers a ratio as easily as noise in the larger one
    // raises it, so the best of several attempts would let slow code through. Within the attempt, each size's least time
    // of five: the noise (which only adds) is taken out of each side alone, and a large run that does too much stays
    // large however little noise it met. A ratio over the limit is measured five more times on each side, and each side
    // keeps its least of all ten: still each side alone (so no slow code is let through), but a long burst of noise on a
    // loaded machine (a background collection, another process's turn) must then hit all ten large runs to fail good
    // code, not five.
    private static (double Small, double Large, int Runs) LeastTimes(Func<int, TimeSpan> measure, int small, int large, double limit)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var (atLarge, atSmall) = InterleavedMinimum(() => measure(large), () => measure(small), runs: 5);
        if (atLarge / Math.Max(atSmall, 1e-9) <= limit)
        {
            return (atSmall, atLarge, 5);
        }

        var (atLarge2, atSmall2) = InterleavedMinimum(() => measure(large), () => measure(small), runs: 5);
        return (Math.Min(atSmall, atSmall2), Math.Min(atLarge, atLarge2), 10);
    }

    private static void Repeat(int times, Action action)
    {
        for (int i = 0; i < times; i++)
        {
            action();
        }
    }

    private static double Seconds(Func<TimeSpan> measure)
    {
        // Each run starts from a collected heap, so that a collection owed by the other side's garbage
        // is not billed to this one.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return measure().TotalSeconds;
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        int n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
