using Course.Notebooks.Model;

namespace Course.Notebooks.Authoring;

/// <summary>
/// Clears every code cell's outputs and sets its execution count to null: the instructor's outputs would show
/// students the answers, and a release must not depend on when the source was last run.
/// </summary>
public sealed class ClearOutputs : IReleaseStep
{
    /// <inheritdoc />
    public string Name => nameof(ClearOutputs);

    /// <inheritdoc />
    /// <returns>The number of code cells that had outputs or an execution count.</returns>
    public int Apply(Notebook notebook, ReleaseContext context)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        int cleared = 0;
        foreach (Cell cell in notebook.Cells.Where(cell => cell.Kind == CellKind.Code))
        {
            if (cell.Outputs.Count > 0 || cell.ExecutionCount is not null)
            {
                cleared++;
            }

            // Set even when already empty, so a cell that had no "outputs" key at all gets one, as nbformat requires.
            cell.SetOutputs([]);
            cell.ExecutionCount = null;
        }

        return cleared;
    }
}
