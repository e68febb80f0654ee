namespace Course.Specs.Core;

/// <summary>
/// Counts the CPU time used by code under test that runs apart from the checks (the grading runner's processes).
/// A world that has one lets <see cref="SpecRunner"/> limit a check by the CPU time the code used rather than by the
/// wall clock, which other processes on a busy machine stretch: the same submission then times out, or does not,
/// however loaded the machine is.
/// </summary>
public interface ICpuMeter
{
    /// <summary>The CPU time the code under test has used so far, threads that have ended included.</summary>
    /// <returns>A running total: callers compare two readings.</returns>
    TimeSpan CpuUsed();

    /// <summary>
    /// The messages the code under test's side has sent so far (answers to the checks' calls, and calls of its own). A
    /// check that makes thousands of small calls costs that side little CPU time per call, and on a loaded machine
    /// less than the stillness bound in a window: its messages show it is at work, not waiting.
    /// </summary>
    /// <returns>A running total: callers compare two readings.</returns>
    long MessagesReceived();
}
