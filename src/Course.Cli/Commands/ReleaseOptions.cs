namespace Course.Cli.Commands;

/// <summary>What <c>course release</c> was asked to do.</summary>
/// <param name="Sources">The instructor sources (<c>.ipynb</c>) as given; empty for every <c>notebooks/source/*.ipynb</c>.</param>
/// <param name="OutputDirectory">Where the student notebooks go.</param>
public sealed record ReleaseOptions(IReadOnlyList<string> Sources, string OutputDirectory)
{
    /// <summary>Write the solutions export (<see cref="Course.Notebooks.Authoring.ReleasePipeline.Solutions"/>) instead of the student notebooks.</summary>
    public bool Solutions { get; init; }
}
