namespace Course.Notebooks.Execution;

/// <summary>The outcome of one code cell in a <see cref="NotebookRunner"/> run.</summary>
/// <param name="CellNumber">1-based position of the cell in the notebook, counting every cell.</param>
/// <param name="Outcome">Passed, failed or skipped.</param>
/// <param name="Execution">The execution, or null when the cell was skipped or could not be run at all.</param>
/// <param name="FailureReason">One line saying why it failed; null unless <see cref="Outcome"/> is <see cref="CellOutcome.Failed"/>.</param>
public sealed record CellRunResult(int CellNumber, CellOutcome Outcome, CellExecution? Execution, string? FailureReason);
