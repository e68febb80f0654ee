using System.Diagnostics;

namespace TinyTorch.Analysis.Measurement;

/// <summary>The instruments' clock and the statistic they report.</summary>
internal static class Timing
{
    /// <summary>A high-resolution timestamp (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static long Now => Stopwatch.GetTimestamp();

    /// <summary>The time between two timestamps.</summary>
    public static TimeSpan Between(long start, long end) => Stopwatch.GetElapsedTime(start, end);

    /// <summary>Milliseconds from <paramref name="origin"/> to <paramref name="timestamp"/>, for timelines.</summary>
    public static double MillisecondsSince(long origin, long timestamp) => Between(origin, timestamp).TotalMilliseconds;

    /// <summary>The median of durations (<see cref="Statistics.Median"/>), to the tick as halving a <see cref="TimeSpan"/> rounds.</summary>
    public static TimeSpan Median(IEnumerable<TimeSpan> samples) =>
        TimeSpan.FromTicks((long)Math.Round(Statistics.Median(samples.Select(sample => (double)sample.Ticks))));

    /// <summary>Runs <paramref name="action"/> <paramref name="repeats"/> times and returns the median duration.</summary>
    public static TimeSpan MedianOf(int repeats, Action action)
    {
        var times = new TimeSpan[repeats];
        for (int r = 0; r < repeats; r++)
        {
            long start = Now;
            action();
            times[r] = Between(start, Now);
        }

        return Median(times);
    }
}
