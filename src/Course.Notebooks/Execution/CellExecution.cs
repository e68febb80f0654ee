using Course.Notebooks.Model;

namespace Course.Notebooks.Execution;

/// <summary>The result of running one cell in a <see cref="NotebookSession"/>.</summary>
/// <param name="ExecutionCount">The session's execution counter for this run (Jupyter's <c>In [n]</c>).</param>
/// <param name="CellNumber">The number used in messages: the caller's cell number, or the execution count.</param>
/// <param name="Status">How the execution ended.</param>
/// <param name="Outputs">The outputs, in the order they were produced, as a notebook stores them.</param>
/// <param name="Elapsed">Wall-clock time from submission to result, compilation included.</param>
public sealed record CellExecution(int ExecutionCount, int CellNumber, ExecutionStatus Status, IReadOnlyList<Output> Outputs, TimeSpan Elapsed)
{
    /// <summary>Compile errors (for <see cref="ExecutionStatus.CompilationFailed"/>); otherwise empty.</summary>
    public IReadOnlyList<CellDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>The exception (for <see cref="ExecutionStatus.Threw"/>); otherwise null.</summary>
    public CellExceptionInfo? Exception { get; init; }

    /// <summary>Whether the cell ended with an expression whose value was returned (even a null one).</summary>
    public bool HasReturnValue { get; init; }

    /// <summary>The value of the cell's trailing expression, for hosts such as an autograder.</summary>
    public object? ReturnValue { get; init; }

    /// <summary>Whether the cell compiled and ran to the end.</summary>
    public bool Succeeded => Status == ExecutionStatus.Succeeded;

    /// <summary>
    /// Whether the cell printed more than a cell keeps, so only the first and last of its console text are
    /// in <see cref="Outputs"/>, with a line between them saying how much was cut.
    /// </summary>
    public bool OutputCut { get; init; }

    /// <summary>One line saying why the cell failed, naming the cell (and line where known); null when it succeeded.</summary>
    public string? FailureSummary { get; init; }
}
