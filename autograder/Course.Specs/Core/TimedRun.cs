namespace Course.Specs.Core;

/// <summary>
/// What a timed piece of work did where the code under test runs: the CPU time it took and a summary of every
/// batch it produced, in order, for the check to verify (time spent on wrong or skipped work earns nothing).
/// </summary>
/// <param name="Cpu">The CPU time.</param>
/// <param name="Outputs">One entry per batch produced: a summary of each of its tensors.</param>
public sealed record TimedRun(TimeSpan Cpu, IReadOnlyList<IReadOnlyList<TensorSummary>> Outputs);
