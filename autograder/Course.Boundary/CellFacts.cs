using Course.Notebooks.Execution;

namespace Course.Boundary;

/// <summary>
/// What the runner saw of one graded cell, sent to the parent so that it can word the student's feedback (the
/// parent decides what each fact means). Untrusted, like everything from the runner: it can change only the words
/// of the feedback, never a point.
/// </summary>
/// <param name="Notebook">The notebook's file name.</param>
/// <param name="CellNumber">The cell's 1-based position.</param>
/// <param name="Outcome">passed, failed or skipped.</param>
/// <param name="Status">How the execution ended (the engine's ExecutionStatus name), or null when it did not run.</param>
/// <param name="FailureReason">The engine's one-line reason, or null.</param>
/// <param name="OutputCut">Whether the cell printed more than a cell keeps.</param>
/// <param name="FirstError">The first compile error, as the engine describes it (<c>cell 3, line 2, column 5: error CS0103: …</c>), or null.</param>
/// <param name="ExceptionType">The exception's type, or null.</param>
/// <param name="ExceptionMessage">The exception's message, or null.</param>
/// <param name="ExceptionLine">The line of the cell that threw, or null.</param>
public sealed record CellFacts(
    string Notebook,
    int CellNumber,
    string Outcome,
    string? Status,
    string? FailureReason,
    bool OutputCut,
    string? FirstError,
    string? ExceptionType,
    string? ExceptionMessage,
    int? ExceptionLine)
{
    /// <summary>The facts of a cell the engine ran.</summary>
    /// <param name="notebook">The notebook's file name.</param>
    /// <param name="cell">The cell's result.</param>
    /// <returns>The facts.</returns>
    public static CellFacts Of(string notebook, CellRunResult cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return new(
            notebook,
            cell.CellNumber,
            cell.Outcome.ToString(),
            cell.Execution?.Status.ToString(),
            cell.FailureReason,
            cell.Execution?.OutputCut ?? false,
            cell.Execution?.Diagnostics.FirstOrDefault()?.Describe(cell.CellNumber),
            cell.Execution?.Exception?.Type,
            cell.Execution?.Exception?.Message,
            cell.Execution?.Exception?.Line);
    }
}
