using TinyTorch.Analysis.Measurement;

namespace TinyTorch.Analysis.Simulation;

/// <summary>
/// Waits the way a device does: a disk read, a network fetch or an accelerator's step keeps the
/// caller waiting without using its CPU. Used to simulate I/O latency and accelerator work.
/// </summary>
public static class SimulatedDelay
{
    /// <summary>
    /// Blocks the calling thread for at least <paramref name="duration"/>, sleeping so that the CPU
    /// stays free for other threads (loader workers).
    /// </summary>
    /// <param name="duration">How long to wait; zero or negative returns at once.</param>
    /// <remarks>
    /// The operating system serves sleeps in whole milliseconds plus some timer slack (on Linux
    /// typically 0.1-0.2 ms late), so a 1 ms wait lasts about 1.15 ms. A remainder below 1 ms is
    /// spun rather than slept so that sub-millisecond requests are not rounded down to nothing.
    /// </remarks>
    public static void Wait(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        long start = Timing.Now;
        int wholeMilliseconds = (int)Math.Min(int.MaxValue, Math.Floor(duration.TotalMilliseconds));
        if (wholeMilliseconds > 0)
        {
            Thread.Sleep(wholeMilliseconds);
        }

        var spinner = new SpinWait();
        while (Timing.Between(start, Timing.Now) < duration)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }
}
