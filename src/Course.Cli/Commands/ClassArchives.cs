using System.Globalization;
using Course.Grading.Archives;
using Course.Grading.LateSubmissions;
using Course.Grading.Output;
using Course.Grading.Results;

namespace Course.Cli.Commands;

/// <summary>
/// The zips among <c>course grade</c>'s submissions, each an LMS's "download all submissions" archive, extracted
/// (<see cref="SubmissionArchive"/>) into a private temporary folder as one folder per student, with each student's
/// submission time kept for the gradebook and the late penalty. Disposing removes the extracted folders.
/// </summary>
public sealed class ClassArchives : IDisposable
{
    private readonly string? _folder;
    private readonly Dictionary<string, DateTimeOffset> _timestamps;

    private ClassArchives(IReadOnlyList<string> submissions, string? folder, Dictionary<string, DateTimeOffset> timestamps, IReadOnlyList<string> notes)
    {
        Submissions = submissions;
        _folder = folder;
        _timestamps = timestamps;
        Notes = notes;
    }

    /// <summary>The submissions to grade: those given, each zip replaced by its students' extracted folders.</summary>
    public IReadOnlyList<string> Submissions { get; }

    /// <summary>Whether any zip was given.</summary>
    public bool HasArchives => _folder is not null;

    /// <summary>One line per zip: how many students it held, in which naming, and what it left out.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Whether <paramref name="path"/> names a zip to extract rather than a submission: a file ending in <c>.zip</c>.</summary>
    /// <param name="path">A submission argument.</param>
    /// <returns>True for a zip.</returns>
    public static bool IsArchive(string path) =>
        path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) && File.Exists(path);

    /// <summary>Extracts every zip among <paramref name="submissions"/>; the rest pass through unchanged, in order.</summary>
    /// <param name="submissions">The submission arguments.</param>
    /// <param name="notebookNames">The module's notebook names.</param>
    /// <param name="limits">The archives' limits; null for <see cref="ArchiveLimits.Default"/>.</param>
    /// <returns>The expanded submissions; dispose it once grading is done.</returns>
    /// <exception cref="ArchiveRefusedException">A zip is refused, or holds no student's submission (nothing of any zip is left extracted).</exception>
    public static ClassArchives Expand(IReadOnlyList<string> submissions, IReadOnlyList<string> notebookNames, ArchiveLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        ArgumentNullException.ThrowIfNull(notebookNames);
        if (!submissions.Any(IsArchive))
        {
            return new ClassArchives(submissions, null, [], []);
        }

        // Owner-only (CreateTempSubdirectory makes it 0700): the students' notebooks are nobody else's to read.
        string folder = Directory.CreateTempSubdirectory("course-grade-archives-").FullName;
        try
        {
            var expanded = new List<string>();
            var timestamps = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            var notes = new List<string>();
            foreach (string submission in submissions)
            {
                if (!IsArchive(submission))
                {
                    expanded.Add(submission);
                    continue;
                }

                // One folder per zip: two zips may hold the same student, which grading then reports as such.
                string target = Path.Combine(folder, (notes.Count + 1).ToString(CultureInfo.InvariantCulture));
                var extracted = SubmissionArchive.Extract(submission, target, notebookNames, limits);
                if (extracted.Submissions.Count == 0)
                {
                    // Grading nothing and saying "0 submissions" would hide a layout this reader does not know.
                    throw new ArchiveRefusedException(
                        $"The archive '{TerminalText.Escape(submission)}' holds no student's submission: it needs one folder per student, or files named as Canvas or Moodle name them (docs/GRADESCOPE.md)"
                        + (extracted.Ignored.Count > 0 ? $"; it holds {string.Join(", ", extracted.Ignored.Take(5).Select(TerminalText.Escape))}{(extracted.Ignored.Count > 5 ? ", ..." : "")}." : "."));
                }

                foreach (var student in extracted.Submissions)
                {
                    expanded.Add(student.Folder);
                    if (student.Timestamp is { } at)
                    {
                        timestamps[student.StudentId] = at;
                    }
                }

                notes.Add(Note(submission, extracted));
            }

            return new ClassArchives(expanded, folder, timestamps, notes);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Each result's timestamp (from its archive) and late penalty under <paramref name="policy"/>, for the gradebook;
    /// null when there is neither a zip nor a due date, so the gradebook keeps its columns.
    /// </summary>
    /// <param name="policy">The due date and penalty; null for none.</param>
    /// <returns>The function, or null.</returns>
    public Func<SubmissionResult, Lateness>? LatenessUnder(LatePolicy? policy)
    {
        if (policy is null && !HasArchives)
        {
            return null;
        }

        return result =>
        {
            DateTimeOffset? at = _timestamps.TryGetValue(result.StudentId, out var t) ? t : null;
            return policy?.Assess(at, result.Score, result.MaxScore) ?? (at is null ? Lateness.Unknown : new Lateness(at, TimeSpan.Zero, 0));
        };
    }

    /// <summary>How many of <paramref name="studentIds"/> have no submission time (so no late penalty can apply to them).</summary>
    /// <param name="studentIds">The students graded.</param>
    /// <returns>The count.</returns>
    public int WithoutTimestamp(IEnumerable<string> studentIds) => studentIds.Count(id => !_timestamps.ContainsKey(id));

    /// <inheritdoc />
    public void Dispose()
    {
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string Note(string archive, ExtractedArchive extracted)
    {
        var namings = extracted.Submissions.GroupBy(s => s.Naming).Select(g => g.Count() == extracted.Submissions.Count ? g.Key : $"{g.Count()} {g.Key}");
        string note = $"{TerminalText.Escape(archive)}: {extracted.Submissions.Count} submission(s) ({string.Join(", ", namings)})";
        if (extracted.Ignored.Count > 0)
        {
            var shown = extracted.Ignored.Take(5).Select(TerminalText.Escape);
            note += $"; ignored {extracted.Ignored.Count} file(s) of no student: {string.Join(", ", shown)}{(extracted.Ignored.Count > 5 ? ", ..." : "")}";
        }

        return note + ".";
    }
}
