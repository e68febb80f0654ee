using Course.Grading.Results;

namespace Course.Grading.Output;

/// <summary>
/// The class a run's gradebook and summary show: every student whose result is in the output folder, with the results
/// of this run in place of their earlier ones. Regrading one student, or grading late submissions into the folder that
/// holds the class, keeps everyone else's row; a student leaves the gradebook only when their folder (or its
/// <c>result.json</c>) goes, and a run that finds a gradebook row with no result behind it says so
/// (<see cref="DroppedWarning"/>).
/// </summary>
/// <remarks>
/// Read once when a run starts, not after every submission: a class of hundreds would otherwise read every result
/// again for each one. Only the folders directly inside the output folder are looked at, links are not followed, and
/// a <c>result.json</c> counts only in the folder its own student id names (<see cref="StudentFolder"/>), so a file
/// copied into another student's folder cannot take their row.
/// </remarks>
public sealed class GradebookMerge
{
    private readonly Dictionary<string, KeptResult> _earlier;

    private GradebookMerge(Dictionary<string, KeptResult> earlier, IReadOnlyList<string> dropped)
    {
        _earlier = earlier;
        Dropped = dropped;
    }

    /// <summary>The results earlier runs left in the output folder, by student id.</summary>
    public IReadOnlyCollection<KeptResult> Earlier => _earlier.Values;

    /// <summary>
    /// The students the existing gradebook lists who have no result in the output folder and are not graded by this run:
    /// the new gradebook cannot have their rows.
    /// </summary>
    public IReadOnlyList<string> Dropped { get; }

    /// <summary>Reads what earlier runs left in <paramref name="outputDirectory"/>.</summary>
    /// <param name="outputDirectory">The run's output folder; it need not exist yet.</param>
    /// <param name="gradedNow">The student ids this run grades (never counted as dropped).</param>
    /// <returns>The merge.</returns>
    public static GradebookMerge Load(string outputDirectory, IReadOnlyCollection<string> gradedNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        ArgumentNullException.ThrowIfNull(gradedNow);
        var earlier = new Dictionary<string, KeptResult>(StringComparer.Ordinal);
        var root = new DirectoryInfo(outputDirectory);
        if (root.Exists)
        {
            // In name order, so which of two folders claiming one id wins does not depend on the file system.
            foreach (var folder in root.EnumerateDirectories().Where(d => d.LinkTarget is null).OrderBy(d => d.Name, StringComparer.Ordinal))
            {
                // Should a plain folder and a hashed one both hold a result of one id, the plain one is the current layout.
                if (ReadResult(folder) is { } result && BelongsIn(result.StudentId, folder.Name)
                    && (!earlier.ContainsKey(result.StudentId) || folder.Name == StudentFolder.NameOf(result.StudentId)))
                {
                    earlier[result.StudentId] = new KeptResult(result, folder.Name);
                }
            }
        }

        var now = gradedNow.ToHashSet(StringComparer.Ordinal);
        var dropped = GradebookIds(Path.Combine(outputDirectory, GradebookWriter.FileName))
            .Where(id => !earlier.ContainsKey(id) && !now.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        return new GradebookMerge(earlier, dropped);
    }

    /// <summary>
    /// The class: <paramref name="now"/>, and every earlier result of a student not in it; and the folder of each
    /// student's files, for the summary's links.
    /// </summary>
    /// <param name="now">The results of this run so far.</param>
    /// <param name="folders">The folder name of each student this run grades.</param>
    /// <returns>Every student's result, by id, and their folder.</returns>
    public (IReadOnlyList<SubmissionResult> Results, Func<string, string> FolderOf) With(IReadOnlyList<SubmissionResult> now, IReadOnlyDictionary<string, string> folders)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(folders);
        var ids = now.Select(r => r.StudentId).ToHashSet(StringComparer.Ordinal);
        var results = now.Concat(_earlier.Values.Where(k => !ids.Contains(k.Result.StudentId)).Select(k => k.Result))
            .OrderBy(r => r.StudentId, StringComparer.Ordinal).ToList();
        return (results, id => folders.TryGetValue(id, out string? folder) ? folder : _earlier.TryGetValue(id, out var kept) ? kept.FolderName : StudentFolder.NameOf(id));
    }

    /// <summary>The warning for <see cref="Dropped"/>, or null when no row is dropped.</summary>
    /// <param name="outputDirectory">The output folder, as the user named it.</param>
    /// <returns>One line, without its line break.</returns>
    public string? DroppedWarning(string outputDirectory)
    {
        if (Dropped.Count == 0)
        {
            return null;
        }

        const int shown = 5;
        string names = string.Join(", ", Dropped.Take(shown).Select(TerminalText.Escape)) + (Dropped.Count > shown ? $" and {Dropped.Count - shown} more" : "");
        return $"WARNING: {GradebookWriter.FileName} in {TerminalText.Escape(outputDirectory)} listed {Dropped.Count} student{(Dropped.Count == 1 ? "" : "s")} "
            + $"whose results are no longer there ({names}): the new gradebook has no row for {(Dropped.Count == 1 ? "them" : "these")}. Grade {(Dropped.Count == 1 ? "that submission" : "those submissions")} again to bring the rows back.";
    }

    // A folder that is a student's: the one their id names, plain or hashed (a case twin's).
    private static bool BelongsIn(string studentId, string folderName) =>
        !string.IsNullOrEmpty(studentId) && (folderName == StudentFolder.NameOf(studentId) || folderName == StudentFolder.HashedNameOf(studentId));

    private static SubmissionResult? ReadResult(DirectoryInfo folder)
    {
        var file = new FileInfo(Path.Combine(folder.FullName, "result.json"));
        try
        {
            return file.Exists && file.LinkTarget is null && ResultJson.TryRead(file.FullName) is { Checks: not null, Notebooks: not null } result ? result : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable: as good as absent, and the gradebook's check below names the student if they had a row.
            return null;
        }
    }

    private static IEnumerable<string> GradebookIds(string path)
    {
        string text;
        try
        {
            text = File.Exists(path) ? File.ReadAllText(path) : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        return CsvText.Records(text).Skip(1).Where(r => r.Count > 0 && r[0].Length > 0).Select(r => r[0]);
    }
}
