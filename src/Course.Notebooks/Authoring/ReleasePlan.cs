using Course.Notebooks.Files;
using Course.Notebooks.Format;

namespace Course.Notebooks.Authoring;

/// <summary>
/// Every source released in memory and checked against <see cref="ReleaseOutputGuard"/> before anything is written: a
/// release is all or nothing, so a bad source never leaves a folder of student notebooks half old and half new.
/// </summary>
/// <param name="Targets">The releases that may be written, in the order of their sources.</param>
/// <param name="Errors">One line per source that cannot be released or written, naming it; empty when all can.</param>
public sealed record ReleasePlan(IReadOnlyList<ReleaseTarget> Targets, IReadOnlyList<string> Errors)
{
    /// <summary>Releases the sources in memory and decides where each goes (same file name in <paramref name="outputDirectory"/>).</summary>
    /// <param name="sources">The instructor sources.</param>
    /// <param name="outputDirectory">The folder of the student (or solutions) notebooks.</param>
    /// <param name="solutions">Release the solutions export (<see cref="ReleasePipeline.Solutions"/>) instead of the student notebooks.</param>
    /// <returns>The plan; nothing is written.</returns>
    /// <exception cref="ArgumentException">The output folder is empty.</exception>
    public static ReleasePlan Prepare(IReadOnlyList<string> sources, string outputDirectory, bool solutions)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        ReleasePipeline pipeline = solutions ? ReleasePipeline.Solutions : ReleasePipeline.Default;
        var targets = new List<ReleaseTarget>();
        var errors = new List<string>();
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string source in sources)
        {
            string output = Path.Combine(outputDirectory, Path.GetFileName(source));
            string? refusal = ReleaseOutputGuard.NotANotebook(source)
                ?? ReleaseOutputGuard.IntoTheSourceFolder(source, outputDirectory)
                ?? ReleaseOutputGuard.AlreadyClaimed(output, claimed)
                ?? ReleaseOutputGuard.OverAnInstructorSource(output)
                ?? (solutions ? ReleaseOutputGuard.SolutionsOverAStudentNotebook(output) : null);
            if (refusal is not null)
            {
                errors.Add($"{source}: {refusal}");
                continue;
            }

            try
            {
                targets.Add(new ReleaseTarget(source, output, pipeline.ReleaseFile(source)));
                claimed[CanonicalPath.Of(output)] = source;
            }
            catch (Exception error) when (error is NotebookFormatException or ReleaseException)
            {
                errors.Add(error.Message);
            }
        }

        return new ReleasePlan(targets, errors);
    }

    /// <summary>The instructor sources of a folder: its <c>*.ipynb</c> files, in ordinal order.</summary>
    /// <param name="folder">The sources' folder (<c>notebooks/source</c>).</param>
    /// <returns>The files, at least one.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">The folder holds no notebook.</exception>
    public static IReadOnlyList<string> SourcesIn(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder} does not exist; run from the repository root or name the sources");
        }

        string[] sources = Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToArray();
        return sources.Length > 0 ? sources : throw new FileNotFoundException($"{folder} has no .ipynb notebooks");
    }
}
