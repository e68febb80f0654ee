using Course.Notebooks.Format;
using Course.Notebooks.Model;

namespace Course.Notebooks.Execution;

/// <summary>
/// Runs every C# cell of a notebook in order in one <see cref="NotebookSession"/>, like
/// <c>jupyter nbconvert --execute</c>, and returns an executed copy with outputs and execution counts.
/// </summary>
public sealed class NotebookRunner
{
    private readonly NotebookRunOptions _options;

    /// <summary>Creates a runner.</summary>
    /// <param name="options">Settings; null for the defaults.</param>
    public NotebookRunner(NotebookRunOptions? options = null)
    {
        _options = options ?? new NotebookRunOptions();
    }

    /// <summary>
    /// The code cells the engine cannot run because they are in another language (F#, PowerShell, …), as
    /// exceptions naming the cell. Markdown-language code cells are not listed: they are skipped, not run.
    /// </summary>
    /// <param name="notebook">The notebook.</param>
    /// <param name="filePath">The notebook's file, for the messages; null if it has none.</param>
    /// <returns>One exception per such cell; empty when every code cell is C#.</returns>
    public static IReadOnlyList<NotebookFormatException> FindUnrunnableCells(Notebook notebook, string? filePath = null)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var problems = new List<NotebookFormatException>();
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            Cell cell = notebook.Cells[i];
            string language = notebook.LanguageOf(cell);
            if (cell.Kind == CellKind.Code && language is not (CellLanguages.CSharp or CellLanguages.Markdown))
            {
                problems.Add(new NotebookFormatException(filePath, i + 1, UnsupportedLanguage(language)));
            }
        }

        return problems;
    }

    /// <summary>Runs a notebook. The notebook passed in is not modified.</summary>
    /// <param name="notebook">The notebook.</param>
    /// <param name="baseDirectory">The notebook's folder: relative <c>#r</c> paths start here.</param>
    /// <param name="cancellationToken">Stops the run: the running cell is reported cancelled, the rest skipped.</param>
    /// <returns>The executed copy and one result per code cell.</returns>
    public async Task<NotebookRunResult> RunAsync(Notebook notebook, string baseDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        Notebook executed = notebook.Clone();
        EnsureCellIds(executed);

        // As nbconvert does, start from clean outputs so the copy shows only this run.
        foreach (Cell cell in executed.Cells.Where(cell => cell.Kind == CellKind.Code && executed.LanguageOf(cell) == CellLanguages.CSharp))
        {
            cell.SetOutputs([]);
            cell.ExecutionCount = null;
        }

        var results = new List<CellRunResult>();
        using var session = new NotebookSession(new NotebookSessionOptions
        {
            BaseDirectory = baseDirectory,
            CellTimeout = _options.CellTimeout,
        });

        bool stopped = false;
        for (int i = 0; i < executed.Cells.Count; i++)
        {
            Cell cell = executed.Cells[i];
            int cellNumber = i + 1;
            string language = executed.LanguageOf(cell);
            if (cell.Kind != CellKind.Code || language == CellLanguages.Markdown)
            {
                continue;
            }

            CellRunResult result;
            if (stopped)
            {
                result = new CellRunResult(cellNumber, CellOutcome.Skipped, null, null);
            }
            else if (language != CellLanguages.CSharp)
            {
                string reason = $"cell {cellNumber}: {UnsupportedLanguage(language)}";
                cell.SetOutputs([Output.Error("UnsupportedLanguage", reason, [reason])]);
                result = new CellRunResult(cellNumber, CellOutcome.Failed, null, reason);
            }
            else
            {
                _options.CellStarting?.Invoke(cellNumber, cell);
                Action<int, Output>? produced = _options.OutputProduced;
                CellExecution execution = await session.ExecuteAsync(
                    new CellSubmission(cell.Source)
                    {
                        CellNumber = cellNumber,
                        OnOutput = produced is null ? null : output => produced(cellNumber, output),
                    },
                    cancellationToken).ConfigureAwait(false);
                cell.SetOutputs(execution.Outputs);
                cell.ExecutionCount = execution.ExecutionCount;
                result = execution.Succeeded
                    ? new CellRunResult(cellNumber, CellOutcome.Passed, execution, null)
                    : new CellRunResult(cellNumber, CellOutcome.Failed, execution, execution.FailureSummary);
            }

            results.Add(result);
            _options.CellFinished?.Invoke(result);
            if (result.Outcome == CellOutcome.Failed && (!_options.KeepGoing || cancellationToken.IsCancellationRequested))
            {
                stopped = true;
            }
        }

        return new NotebookRunResult(executed, results);
    }

    private static string UnsupportedLanguage(string language) =>
        $"the cell is in '{language}'; the course engine runs C# cells only";

    /// <summary>nbformat 4.5 requires every cell to have a unique id; give missing ones a stable id so the copy validates.</summary>
    private static void EnsureCellIds(Notebook notebook)
    {
        if (notebook.FormatMinor < 5)
        {
            return;
        }

        var used = new HashSet<string>(notebook.Cells.Select(cell => cell.Id).OfType<string>(), StringComparer.Ordinal);
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            if (notebook.Cells[i].Id is null)
            {
                string id = $"cell-{i + 1}";
                while (!used.Add(id))
                {
                    id += "-x";
                }

                notebook.Cells[i].Id = id;
            }
        }
    }
}
