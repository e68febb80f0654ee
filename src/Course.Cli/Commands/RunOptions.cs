namespace Course.Cli.Commands;

/// <summary>What <c>course run</c> was asked to do.</summary>
/// <param name="Notebooks">The notebook files (<c>.ipynb</c> or <c>.dib</c>), as given on the command line.</param>
/// <param name="OutputDirectory">Where the executed copies go.</param>
/// <param name="CellTimeout">How long one cell may run; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
/// <param name="KeepGoing">Whether to run the remaining cells of a notebook after one fails.</param>
public sealed record RunOptions(IReadOnlyList<string> Notebooks, string OutputDirectory, TimeSpan CellTimeout, bool KeepGoing)
{
    /// <summary>Exit 0 when every cell ran, even if checks failed (as before checks were counted).</summary>
    public bool AllowFailedChecks { get; init; }

    /// <summary>The id of the one check the check cells run (<c>dataloader-count</c>); null for every check.</summary>
    public string? Check { get; init; }
}
