namespace Course.Autograder.Grading;

/// <summary>
/// A submission's grading folder, the one folder its runner may write (the sandbox's writable folder): the prepared
/// copy the parent hands over in <c>submission/</c> (graded parts of the notebooks and the runner's manifest), and the
/// <see cref="WorkFolder"/> the notebooks run in, <c>work/</c>. The one place this layout is spelled.
/// </summary>
/// <param name="Root">The grading folder, made empty by the grading run.</param>
public sealed record GradingFolder(string Root)
{
    /// <summary>The prepared submission the runner reads.</summary>
    public string Submission => Path.Combine(Root, "submission");

    /// <summary>Where the notebooks run.</summary>
    public WorkFolder Work => new(Path.Combine(Root, "work"));
}
