using Course.Notebooks.Files;

namespace Course.Notebooks.Authoring;

/// <summary>
/// The rules that keep a release from writing where it must not: over its own source, over another source's release,
/// over an instructor source, and (for the solutions export) over a student notebook. Each rule is a method that
/// returns why the file may not be written, or null when it may, so each can be tested alone.
/// </summary>
public static class ReleaseOutputGuard
{
    /// <summary>An instructor source must be an <c>.ipynb</c> notebook.</summary>
    /// <param name="source">The source, as given.</param>
    /// <returns>Why it cannot be released, or null.</returns>
    public static string? NotANotebook(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) ? null : "an instructor source must be an .ipynb notebook";
    }

    /// <summary>The output folder may not be the source's own folder: the release would replace its source.</summary>
    /// <param name="source">The source, as given.</param>
    /// <param name="outputDirectory">The output folder.</param>
    /// <returns>Why not, or null.</returns>
    public static string? IntoTheSourceFolder(string source, string outputDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        string outputFolder = CanonicalPath.Of(outputDirectory);
        return string.Equals(CanonicalPath.Of(Path.GetDirectoryName(Path.GetFullPath(source))!), outputFolder, StringComparison.Ordinal)
            ? $"the student notebook would replace the source (the output folder {outputFolder} is the source's folder); choose another folder with --out"
            : null;
    }

    /// <summary>Two sources of the same file name would be released to the same file.</summary>
    /// <param name="outputPath">Where this source's release goes.</param>
    /// <param name="claimed">The outputs already planned (canonical path to the source released there).</param>
    /// <returns>Why not, or null.</returns>
    public static string? AlreadyClaimed(string outputPath, IReadOnlyDictionary<string, string> claimed)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        return claimed.TryGetValue(CanonicalPath.Of(outputPath), out string? other)
            ? $"its student notebook {outputPath} would replace the one released from {other}; source file names must differ"
            : null;
    }

    /// <summary>
    /// An existing file with solution or hidden-test markers is someone's source, not an earlier release (no release
    /// holds them), so it is never replaced.
    /// </summary>
    /// <param name="outputPath">Where the release would go.</param>
    /// <returns>Why not, or null (also when there is no file yet).</returns>
    public static string? OverAnInstructorSource(string outputPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        if (!File.Exists(outputPath))
        {
            return null;
        }

        string existing = File.ReadAllText(outputPath);
        return existing.Contains(MarkerScanner.BeginSolution, StringComparison.Ordinal) || existing.Contains(MarkerScanner.BeginHidden, StringComparison.Ordinal)
            ? $"{outputPath} holds solution or hidden-test markers, so it is an instructor source, not an earlier release; it is not replaced"
            : null;
    }

    /// <summary>
    /// The solutions are never written over a student notebook (one that holds a stub, which only a student notebook
    /// does), so a slip of <c>--out</c> cannot hand students the answers.
    /// </summary>
    /// <param name="outputPath">Where the solutions notebook would go.</param>
    /// <returns>Why not, or null (also when there is no file yet).</returns>
    public static string? SolutionsOverAStudentNotebook(string outputPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        return File.Exists(outputPath) && File.ReadAllText(outputPath).Contains(ClearSolutions.NotImplementedPhrase, StringComparison.Ordinal)
            ? $"{outputPath} is a student notebook (it holds the exercises' stubs); the solutions are not written over it: choose another folder with --out"
            : null;
    }
}
