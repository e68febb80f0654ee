using System.Globalization;
using Course.Notebooks.Format;
using Course.Notebooks.Model;
using Course.Notebooks.Validation;

namespace Course.Notebooks.Execution;

/// <summary>
/// Runs the notebooks of an <see cref="ExecutedCopyPlan"/> one after another, headless, and writes each executed copy
/// (outputs and execution counts filled in), like <c>jupyter nbconvert --execute</c>: what <c>course run</c> does.
/// </summary>
/// <remarks>
/// Progress goes to the log as it happens: a line per notebook (<c>a.ipynb: 12 C# cells</c>), a line per cell
/// (<c>  cell 3: ok (12 ms)</c>, with its checks when <see cref="CellChecks"/> finds some) and the copy written. A
/// notebook that cannot be read or run at all is one line on the error writer, and the batch goes on to the next.
/// </remarks>
public sealed class NotebookBatch
{
    /// <summary>How long one cell may run; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</summary>
    public TimeSpan CellTimeout { get; init; } = NotebookRunOptions.DefaultCellTimeout;

    /// <summary>Whether to run the remaining cells of a notebook after one fails (otherwise they are skipped).</summary>
    public bool KeepGoing { get; init; }

    /// <summary>
    /// The checks a finished cell showed (its notebook as given, the cell), said on the cell's progress line: a check
    /// cell runs fine when its checks fail, so its line must say what it found. Null when checks are not counted.
    /// </summary>
    public Func<string, CellRunResult, IReadOnlyList<CheckLine>>? CellChecks { get; init; }

    /// <summary>Runs every notebook of the plan and writes its executed copy.</summary>
    /// <param name="copies">The notebooks and their copies' paths (the plan's refusals are the caller's to report).</param>
    /// <param name="log">Progress: notebooks, cells, copies written.</param>
    /// <param name="errors">Notebooks that could not be read, run or written, and an interruption.</param>
    /// <param name="cancellationToken">Stops the run; notebooks not yet started are named on <paramref name="errors"/>.</param>
    /// <returns>The cells' counts and the failures.</returns>
    public async Task<NotebookBatchResult> RunAsync(IReadOnlyList<ExecutedCopy> copies, TextWriter log, TextWriter errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(copies);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(errors);
        var total = new NotebookBatchResult();
        foreach (ExecutedCopy copy in copies)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await errors.WriteLineAsync($"interrupted: {copy.Input} and any later notebooks were not run").ConfigureAwait(false);
                return total with { Interrupted = true };
            }

            total = total.Add(await RunOneAsync(copy, log, errors, cancellationToken).ConfigureAwait(false));
        }

        return total;
    }

    /// <summary>The progress line of one finished cell.</summary>
    /// <param name="result">The cell's result.</param>
    /// <param name="checks">The checks it showed; empty for a cell that is not a check cell.</param>
    /// <returns><c>  cell 3: ok (12 ms), checks: 2 passed, 1 failed</c>, <c>  cell 4: FAILED (5 ms)</c> or <c>  cell 5: skipped (…)</c>.</returns>
    public static string ProgressLine(CellRunResult result, IReadOnlyList<CheckLine> checks)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(checks);
        string elapsed = result.Execution is CellExecution execution
            ? $" ({execution.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms)"
            : string.Empty;
        string found = checks.Count == 0 ? string.Empty : $", checks: {checks.Count(c => c.Passed)} passed, {checks.Count(c => !c.Passed)} failed";
        return result.Outcome switch
        {
            CellOutcome.Passed => $"  cell {result.CellNumber}: ok{elapsed}{found}",
            CellOutcome.Failed => $"  cell {result.CellNumber}: FAILED{elapsed}",
            _ => $"  cell {result.CellNumber}: skipped (an earlier cell failed; --keep-going runs it anyway)",
        };
    }

    private async Task<NotebookBatchResult> RunOneAsync(ExecutedCopy copy, TextWriter log, TextWriter errors, CancellationToken cancellationToken)
    {
        var badInput = new NotebookBatchResult { BadInput = true };
        Notebook notebook;
        try
        {
            notebook = NotebookFile.Load(copy.Input);
        }
        catch (NotebookFormatException error)
        {
            await errors.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            return badInput;
        }

        IReadOnlyList<NotebookFormatException> unrunnable = NotebookRunner.FindUnrunnableCells(notebook, copy.Input);
        foreach (NotebookFormatException problem in unrunnable)
        {
            await errors.WriteLineAsync($"error: {problem.Message}").ConfigureAwait(false);
        }

        if (unrunnable.Count > 0)
        {
            return badInput;
        }

        int codeCells = notebook.Cells.Count(cell => cell.Kind == CellKind.Code && notebook.LanguageOf(cell) == CellLanguages.CSharp);
        await log.WriteLineAsync($"{copy.Input}: {codeCells} C# cell{(codeCells == 1 ? string.Empty : "s")}").ConfigureAwait(false);
        var runner = new NotebookRunner(new NotebookRunOptions
        {
            CellTimeout = CellTimeout,
            KeepGoing = KeepGoing,
            CellFinished = result => log.WriteLine(ProgressLine(result, CellChecks?.Invoke(copy.Input, result) ?? [])),
        });
        string baseDirectory = Path.GetDirectoryName(Path.GetFullPath(copy.Input)) ?? Directory.GetCurrentDirectory();
        NotebookRunResult run = await runner.RunAsync(notebook, baseDirectory, cancellationToken).ConfigureAwait(false);
        var result = new NotebookBatchResult
        {
            Passed = run.Passed,
            Failed = run.Failed,
            Skipped = run.Skipped,
            Failures = [.. run.Cells.Where(cell => cell.Outcome == CellOutcome.Failed).Select(cell =>
                $"FAILED {copy.Input} cell {cell.CellNumber}: {CellFailureText.WithoutCellNumber(cell.FailureReason ?? "failed", cell.CellNumber)}")],
        };

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(copy.Output))!);
            IpynbWriter.Write(run.Executed, copy.Output);
            await log.WriteLineAsync($"  wrote {copy.Output}").ConfigureAwait(false);
            return result;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"error: {copy.Output}: cannot write the executed copy ({error.Message})").ConfigureAwait(false);
            return result with { BadInput = true };
        }
    }
}
