using System.Diagnostics;
using Course.Notebooks.Execution;
using Course.Notebooks.Model;

namespace Course.Notebooks.Validation;

/// <summary>Runs a notebook in the kit's engine, as <c>course run --keep-going</c> does.</summary>
public sealed class EngineExecutor : INotebookExecutor
{
    /// <inheritdoc />
    public ValidationKernel Kernel => ValidationKernel.Kit;

    /// <inheritdoc />
    public async Task<NotebookRecord> RunAsync(Notebook notebook, string folder, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            deadline.CancelAfter(timeout);
        }

        var runner = new NotebookRunner(new NotebookRunOptions
        {
            KeepGoing = true,
            CellTimeout = timeout == Timeout.InfiniteTimeSpan || timeout > NotebookRunOptions.DefaultCellTimeout ? NotebookRunOptions.DefaultCellTimeout : timeout,
        });
        var clock = Stopwatch.StartNew();
        NotebookRunResult run = await runner.RunAsync(notebook, folder, deadline.Token).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        CellRecord[] cells = run.Cells.Select(cell => new CellRecord(
            cell.CellNumber,
            Verdict(cell),
            cell.Outcome == CellOutcome.Passed ? null : CellFailureText.WithoutCellNumber(cell.FailureReason ?? "not run (an earlier cell was stopped)", cell.CellNumber),
            run.Executed.Cells[cell.CellNumber - 1].Outputs)).ToArray();
        return new NotebookRecord(Kernel, cells, clock.Elapsed, deadline.IsCancellationRequested);
    }

    private static CellVerdict Verdict(CellRunResult cell) => cell switch
    {
        { Outcome: CellOutcome.Passed } => CellVerdict.Ran,
        { Outcome: CellOutcome.Skipped } => CellVerdict.Skipped,
        { Execution.Status: ExecutionStatus.Threw } => CellVerdict.Threw,
        { Execution.Status: ExecutionStatus.TimedOut or ExecutionStatus.Cancelled } => CellVerdict.TimedOut,
        _ => CellVerdict.DidNotCompile,
    };
}
