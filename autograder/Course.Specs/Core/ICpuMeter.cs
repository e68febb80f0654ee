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
}
