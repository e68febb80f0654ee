using System.Diagnostics;
using System.Globalization;

namespace Course.Grading.Sandboxing;

/// <summary>
/// Caps the CPU time of a command (RLIMIT_CPU), sandboxed or not: <c>prlimit</c> from util-linux when
/// it is installed, else the shell's <c>ulimit -t</c>. At the cap the kernel sends SIGXCPU, which ends
/// the process (exit code 152, <see cref="ExitCode"/>); a process that ignores it is killed two
/// seconds of CPU later.
/// </summary>
/// <remarks>
/// A wall-time limit alone lets a submission with many busy threads burn every core of the grading
/// machine until it expires; the CPU cap bounds the total. RLIMIT_AS is deliberately not used for
/// memory: .NET reserves far more address space than it uses and fails at start under it; the
/// managed heap is capped by DOTNET_GCHeapHardLimit instead. Core dumps are turned off (RLIMIT_CORE 0):
/// a killed submission's memory image is of no use and can be large.
/// </remarks>
public static class CpuTimeCap
{
    /// <summary>The exit code of a process ended by its CPU-time cap: 128 + SIGXCPU (24).</summary>
    public const int ExitCode = 128 + 24;

    /// <summary>The <c>prlimit</c> on PATH, or null.</summary>
    /// <returns>Its path, or null.</returns>
    public static string? FindPrlimit() => OperatingSystem.IsWindows() ? null : CommandWrapping.FindOnPath("prlimit");

    /// <summary>Whole seconds of CPU time a cap of <paramref name="limit"/> allows (rounded up: RLIMIT_CPU counts seconds).</summary>
    /// <param name="limit">The cap.</param>
    /// <returns>The seconds, at least 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The cap is zero or negative.</exception>
    public static long Seconds(TimeSpan limit)
    {
        if (limit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"The CPU-time cap must be positive, but was {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
        }

        return Math.Max(1, (long)Math.Ceiling(limit.TotalSeconds));
    }

    /// <summary>
    /// <paramref name="start"/> with its CPU time capped at <paramref name="limit"/>. On Windows, which
    /// has neither tool, the command is returned unchanged.
    /// </summary>
    /// <param name="start">The command, with its arguments in <see cref="ProcessStartInfo.ArgumentList"/>.</param>
    /// <param name="limit">The CPU time it may use.</param>
    /// <param name="prlimitPath">The prlimit to use; null: <c>/bin/sh</c>'s <c>ulimit</c>.</param>
    /// <returns>A new start that sets the cap, then runs the command in the same process (exec).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The cap is zero or negative.</exception>
    public static ProcessStartInfo Wrap(ProcessStartInfo start, TimeSpan limit, string? prlimitPath)
    {
        ArgumentNullException.ThrowIfNull(start);
        long soft = Seconds(limit), hard = soft + 2;
        if (OperatingSystem.IsWindows())
        {
            return start;
        }

        if (prlimitPath is not null)
        {
            return CommandWrapping.Wrap(start, prlimitPath, [$"--cpu={soft}:{hard}", "--core=0", "--"]);
        }

        // The soft cap first: a hard cap below the current soft one (unlimited) is refused.
        return CommandWrapping.Wrap(start, "/bin/sh",
            ["-c", $"ulimit -S -t {soft} && ulimit -H -t {hard} && ulimit -c 0 && exec \"$@\"", "cpu-time-cap"]);
    }
}
