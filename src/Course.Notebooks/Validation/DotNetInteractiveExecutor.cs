using System.Diagnostics;
using Course.Notebooks.DotNetInteractive;
using Course.Notebooks.Model;

namespace Course.Notebooks.Validation;

/// <summary>
/// Runs a notebook in the real .NET Interactive kernel (a fresh <c>dotnet-interactive stdio</c> process per notebook,
/// started in the notebook's folder, as Jupyter starts it), so a notebook is checked against what students will see.
/// </summary>
/// <param name="toolPath">The tool's executable; null to find it (<see cref="DotNetInteractiveTool.Find"/>).</param>
public sealed class DotNetInteractiveExecutor(string? toolPath = null) : INotebookExecutor
{
    /// <inheritdoc />
    public ValidationKernel Kernel => ValidationKernel.DotNetInteractive;

    /// <inheritdoc />
    public async Task<NotebookRecord> RunAsync(Notebook notebook, string folder, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var clock = Stopwatch.StartNew();
        TimeSpan Remaining() => timeout == Timeout.InfiniteTimeSpan ? TimeSpan.FromHours(1) : timeout - clock.Elapsed;
        var cells = new List<CellRecord>();
        bool outOfTime = false;
        await using var kernel = await DotNetInteractiveKernel.StartAsync(folder, toolPath, cancellationToken: cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            Cell cell = notebook.Cells[i];
            if (cell.Kind != CellKind.Code || notebook.LanguageOf(cell) == CellLanguages.Markdown)
            {
                continue;
            }

            if (outOfTime || Remaining() <= TimeSpan.Zero)
            {
                outOfTime = true;
                cells.Add(new CellRecord(i + 1, CellVerdict.Skipped, "not run (the notebook's time ran out)", []));
                continue;
            }

            try
            {
                DotNetInteractiveCell result = await kernel.SubmitAsync(cell.Source, Remaining(), cancellationToken).ConfigureAwait(false);
                cells.Add(Record(i + 1, result));
            }
            catch (TimeoutException)
            {
                outOfTime = true;
                cells.Add(new CellRecord(i + 1, CellVerdict.TimedOut, "did not finish before the notebook's time ran out", []));
            }
        }

        return new NotebookRecord(Kernel, cells, clock.Elapsed, outOfTime);
    }

    private static CellRecord Record(int number, DotNetInteractiveCell result) => result.Outcome switch
    {
        DotNetInteractiveOutcome.Succeeded => new CellRecord(number, CellVerdict.Ran, null, result.Outputs),
        DotNetInteractiveOutcome.CompilationFailed => new CellRecord(number, CellVerdict.DidNotCompile, FirstLine(result.FailureMessage), result.Outputs),
        _ => new CellRecord(number, CellVerdict.Threw, FirstLine(result.FailureMessage), result.Outputs),
    };

    private static string FirstLine(string? message) => (message ?? "failed").Split('\n')[0].TrimEnd('\r');
}
