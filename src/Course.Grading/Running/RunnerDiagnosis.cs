using System.Globalization;
using Course.Grading.Results;
using Course.Grading.Sandboxing;

namespace Course.Grading.Running;

/// <summary>
/// The grading step for a runner that went away before grading was done, or was stopped: why, from its exit code and
/// its log, told in place of the module's status. The checks that finished keep their points.
/// </summary>
/// <param name="wallTimeLimit">The wall time a submission may take.</param>
/// <param name="cpuTimeLimit">The CPU time it may use (the cap, in whole seconds).</param>
/// <param name="memoryLimitBytes">The memory it may use.</param>
public sealed class RunnerDiagnosis(TimeSpan wallTimeLimit, TimeSpan cpuTimeLimit, long memoryLimitBytes)
{
    /// <summary>The verdict on a runner that ended early or ran out of time.</summary>
    /// <param name="timedOut">Whether the wall time ran out.</param>
    /// <param name="exitCode">The runner's exit code.</param>
    /// <param name="log">What it printed to its standard error.</param>
    /// <param name="activity">What grading was doing as last heard (a cell, a check), or null.</param>
    /// <returns>The status and the student-facing reason.</returns>
    public SubmissionVerdict Of(bool timedOut, int exitCode, CappedLog log, string? activity)
    {
        ArgumentNullException.ThrowIfNull(log);
        string tail = log.Last(12);
        string during = activity is null ? "" : $" while running {Shorten(activity)}";
        if (timedOut)
        {
            return new SubmissionVerdict(SubmissionStatus.TimedOut,
                $"Grading took longer than {wallTimeLimit.TotalSeconds:0} s and was stopped{during} (look for an infinite loop). Points are kept for the checks that finished before.");
        }

        if (exitCode == ResourceCaps.ExitCode)
        {
            return new SubmissionVerdict(SubmissionStatus.TimedOut, string.Create(CultureInfo.InvariantCulture,
                $"Grading used more than {cpuTimeLimit.TotalSeconds:0} s of CPU time (the CPU-time cap) and was stopped (look for an infinite loop, or threads left running). Points are kept for the checks that finished before."));
        }

        // The runtime prints "Stack overflow." first and then thousands of frames: look at the head too.
        string whole = log.ToString();
        if (whole.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
        {
            return new SubmissionVerdict(SubmissionStatus.Crashed, "Stack overflow: a method calls itself without end (unbounded recursion). Points are kept for the checks that finished before.");
        }

        if (whole.Contains("OutOfMemory", StringComparison.Ordinal) || exitCode == 137)
        {
            return new SubmissionVerdict(SubmissionStatus.OutOfMemory, $"The submission used more than {memoryLimitBytes >> 20} MB of memory. Points are kept for the checks that finished before.");
        }

        // The runtime aborts (SIGABRT) with this line when native memory runs out: the address-space cap (ResourceCaps),
        // reached by native allocations or by many threads, each of which reserves its stack.
        if (exitCode == 128 + 6 && whole.Contains("Out of memory", StringComparison.Ordinal))
        {
            return new SubmissionVerdict(SubmissionStatus.OutOfMemory,
                $"The submission ran out of memory outside the managed heap (its cap is {memoryLimitBytes >> 20} MB, and native memory and thread stacks have a bounded room beside it): look for many threads started, or large native allocations. Points are kept for the checks that finished before.");
        }

        if (exitCode == 0)
        {
            return new SubmissionVerdict(SubmissionStatus.ExitedEarly, "The submission ended the grading process before grading finished (does it call Environment.Exit?). Points are kept for the checks that finished before.");
        }

        return new SubmissionVerdict(SubmissionStatus.Crashed, $"The grading process ended with exit code {exitCode}. Its last output: {tail}");
    }

    // What the runner said it was doing is shown, never trusted: kept short.
    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
