using Course.Notebooks.Model;

namespace Course.Notebooks.Execution;

/// <summary>The result of running a whole notebook.</summary>
/// <param name="Executed">A copy of the notebook with outputs and execution counts filled in; the input is untouched.</param>
/// <param name="Cells">One result per code cell, in notebook order (Markdown and raw cells are not listed).</param>
public sealed record NotebookRunResult(Notebook Executed, IReadOnlyList<CellRunResult> Cells)
{
    /// <summary>How many code cells passed.</summary>
    public int Passed => Cells.Count(cell => cell.Outcome == CellOutcome.Passed);

    /// <summary>How many code cells failed.</summary>
    public int Failed => Cells.Count(cell => cell.Outcome == CellOutcome.Failed);

    /// <summary>How many code cells were not run because an earlier one failed.</summary>
    public int Skipped => Cells.Count(cell => cell.Outcome == CellOutcome.Skipped);

    /// <summary>Whether every code cell ran and passed.</summary>
    public bool Succeeded => Cells.All(cell => cell.Outcome == CellOutcome.Passed);
}
