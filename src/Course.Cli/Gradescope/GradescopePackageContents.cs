namespace Course.Cli.Gradescope;

/// <summary>What <see cref="GradescopePackage.Build"/> wrote.</summary>
/// <param name="Path">The zip.</param>
/// <param name="Entries">Its entries' names, in the order written.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="OptimizedBuild">Whether the grader is an optimized (Release) build; a Debug build grades timing checks against slower reference code.</param>
public sealed record GradescopePackageContents(string Path, IReadOnlyList<string> Entries, long Bytes, bool OptimizedBuild);
