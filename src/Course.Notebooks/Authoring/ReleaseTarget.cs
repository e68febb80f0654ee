namespace Course.Notebooks.Authoring;

/// <summary>One released notebook, in memory, and the file it goes to.</summary>
/// <param name="Source">The instructor source, as given.</param>
/// <param name="Output">The student (or solutions) notebook's file.</param>
/// <param name="Result">The release and what each step did.</param>
public sealed record ReleaseTarget(string Source, string Output, ReleaseResult Result)
{
    /// <summary>Whether <see cref="Output"/> already holds this release (<see cref="ReleasedFile.IsCurrent"/>), so writing it would change nothing.</summary>
    /// <returns>True when the file exists and is current.</returns>
    public bool IsWritten() => File.Exists(Output) && ReleasedFile.IsCurrent(File.ReadAllBytes(Output), Result.Serialize());

    /// <summary>The line that reports it: <c>released  a.ipynb -> b.ipynb (ClearSolutions 3, …)</c>, or <c>unchanged …</c>.</summary>
    /// <param name="unchanged">Whether the file already held this release, so nothing was written.</param>
    /// <returns>The line.</returns>
    public string ReportLine(bool unchanged) =>
        $"{(unchanged ? "unchanged" : "released ")} {Source} -> {Output} ({string.Join(", ", Result.Steps.Select(step => $"{step.Step} {step.Changes}"))})";
}
