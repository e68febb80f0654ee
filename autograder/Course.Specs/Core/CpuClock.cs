using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Course.Specs.Core;

/// <summary>
/// CPU time, not wall time: how long code actually ran, which other processes on a busy machine do not inflate.
/// Budgets compare it, so a grade does not move with the machine's load.
/// </summary>
public static class CpuClock
{
    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID on Linux

    /// <summary>The CPU time the calling thread has used (Linux); elsewhere the process's CPU time.</summary>
    /// <returns>The time.</returns>
    public static TimeSpan CurrentThread()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out TimeSpec spec) == 0)
        {
            return TimeSpan.FromTicks(spec.Seconds * TimeSpan.TicksPerSecond + spec.Nanoseconds / 100);
        }

        return Process.GetCurrentProcess().TotalProcessorTime;
    }

    /// <summary>Bytes this process has read through read system calls so far (<c>rchar</c> of <c>/proc/self/io</c>), or 0 where unknown.</summary>
    /// <returns>The count.</returns>
    public static long ProcessBytesRead() => ProcIo.BytesRead("/proc/self/io");

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
