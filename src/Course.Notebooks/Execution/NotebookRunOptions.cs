using Course.Notebooks.Model;

namespace Course.Notebooks.Execution;

/// <summary>Settings for a <see cref="NotebookRunner"/>.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>The default time one cell may take: generous for a training loop, short enough to catch an endless one.</summary>
    public static TimeSpan DefaultCellTimeout { get; } = TimeSpan.FromSeconds(120);

    /// <summary>How long one cell may run; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</summary>
    public TimeSpan CellTimeout { get; init; } = DefaultCellTimeout;

    /// <summary>
    /// Whether to run the remaining cells after one fails (with the state the failed cell left). When false,
    /// the first failure stops the notebook and the remaining code cells are reported as skipped.
    /// </summary>
    public bool KeepGoing { get; init; }

    /// <summary>Called before a code cell runs, with its 1-based cell number and the cell.</summary>
    public Action<int, Cell>? CellStarting { get; init; }

    /// <summary>Called after each code cell, including failed and skipped ones.</summary>
    public Action<CellRunResult>? CellFinished { get; init; }

    /// <summary>Called with each output as it is produced, with the cell number (see <see cref="CellSubmission.OnOutput"/>).</summary>
    public Action<int, Output>? OutputProduced { get; init; }
}
