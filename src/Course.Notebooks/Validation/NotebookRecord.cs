namespace Course.Notebooks.Validation;

/// <summary>A whole notebook run in one kernel for validation.</summary>
/// <param name="Kernel">The kernel it ran in.</param>
/// <param name="Cells">Its code cells, in order.</param>
/// <param name="Elapsed">How long it took.</param>
/// <param name="OutOfTime">Whether the per-notebook time ran out.</param>
public sealed record NotebookRecord(ValidationKernel Kernel, IReadOnlyList<CellRecord> Cells, TimeSpan Elapsed, bool OutOfTime);
