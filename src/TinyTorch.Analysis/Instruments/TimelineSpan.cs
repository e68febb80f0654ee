namespace TinyTorch.Analysis.Instruments;

/// <summary>One bar of a starvation timeline: a lane busy with one activity from a start to an end time.</summary>
/// <param name="Lane">Who was busy: "accelerator", "main thread" (loading without workers) or "worker N".</param>
/// <param name="Activity">What it was doing.</param>
/// <param name="StartMilliseconds">When it began, in milliseconds since the epoch started.</param>
/// <param name="EndMilliseconds">When it ended, in milliseconds since the epoch started.</param>
public sealed record TimelineSpan(string Lane, TimelineActivity Activity, double StartMilliseconds, double EndMilliseconds)
{
    /// <summary>The span's length in milliseconds.</summary>
    public double DurationMilliseconds => EndMilliseconds - StartMilliseconds;
}
