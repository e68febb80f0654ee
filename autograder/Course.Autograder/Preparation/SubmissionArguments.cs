using Course.Grading.Output;
using Course.Grading.Results;

namespace Course.Autograder.Preparation;

/// <summary>
/// What the SUBMISSION arguments of <c>course grade</c> name, decided before anything is graded: the submissions, what
/// was taken to be meant (a folder of submission folders is graded as each of its folders), and the arguments that
/// cannot be submissions, each with one line that names it and says what to do.
/// </summary>
/// <remarks>
/// Only names are looked at (links are not followed, no notebook is opened): reading a submission is grading's
/// business (<see cref="SubmissionFiles"/>). A link, a pipe or a device given as a submission is kept, so that grading
/// refuses it with its reason beside the class rather than stopping the class.
/// </remarks>
/// <param name="Submissions">The submissions to grade, full paths, each once, in the order given.</param>
/// <param name="Notes">What was taken to be meant, one line each (a folder of submissions expanded).</param>
/// <param name="Errors">The arguments that cannot be graded, one line each naming the argument; empty when all can.</param>
public sealed record SubmissionArguments(IReadOnlyList<string> Submissions, IReadOnlyList<string> Notes, IReadOnlyList<string> Errors)
{
    // Folders with notebooks that make a folder without any a folder of submissions: one alone is more likely a
    // student's zipped folder (amy/module05/*.ipynb) than a class.
    private const int SubmissionFoldersForAClass = 2;

    // The most entries of a folder looked at: names only, but a folder may hold millions.
    private const int MaxEntriesListed = 10_000;

    /// <summary>Resolves the arguments.</summary>
    /// <param name="arguments">The SUBMISSION arguments, as given.</param>
    /// <param name="notebookNames">The module's notebook file names.</param>
    /// <returns>The submissions, notes and errors.</returns>
    public static SubmissionArguments Resolve(IReadOnlyList<string> arguments, IReadOnlyList<string> notebookNames)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(notebookNames);
        var submissions = new List<string>();
        var notes = new List<string>();
        var errors = new List<string>();
        foreach (string argument in arguments)
        {
            // Escaped: a name that is not UTF-8 arrives as U+FFFD, and names may hold control characters.
            string shown = TerminalText.Escape(argument);
            if (argument.Length == 0 || SubmissionFiles.KindOf(argument) is var kind && kind == FileKind.Missing)
            {
                errors.Add($"no such submission: '{shown}'.");
                continue;
            }

            string path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(argument));
            switch (kind)
            {
                case FileKind.Directory when !HoldsNotebooks(path) && Subfolders(path) is var folders
                    && folders.Count(f => f.LinkTarget is null && HoldsNotebooks(f.FullName)) >= SubmissionFoldersForAClass:
                    notes.Add($"'{shown}' holds no notebooks but folders of them: it is taken as a folder of submissions, and each of its {folders.Count} folders is graded "
                        + $"as one (as if you had typed {Path.Combine(shown, "*")}).");
                    submissions.AddRange(folders.Select(f => f.FullName));
                    break;
                case FileKind.Regular when NotebookNames.Match(Path.GetFileName(path), notebookNames) is null:
                    errors.Add(NotASubmission(shown, Path.GetFileName(path), notebookNames));
                    break;
                default:
                    submissions.Add(path);
                    break;
            }
        }

        var unique = submissions.Distinct(StringComparer.Ordinal).ToList();
        errors.AddRange(unique.GroupBy(SubmissionGrader.StudentIdOf, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(SharedId));
        return new SubmissionArguments(unique, notes, errors);
    }

    /// <summary>
    /// The results of submissions that had no notebook of the module that could be run (every notebook graded missing,
    /// unreadable, empty or from another module): an empty folder, a folder of other files, a broken notebook.
    /// </summary>
    /// <param name="results">The results of a run.</param>
    /// <returns>Those results, by student id.</returns>
    public static IReadOnlyList<SubmissionResult> NothingToGrade(IEnumerable<SubmissionResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return [.. results.Where(r => r.Notebooks.Count > 0 && r.Notebooks.All(n => SubmissionStatusOf.CannotRun(n.Status))).OrderBy(r => r.StudentId, StringComparer.Ordinal)];
    }

    private static string NotASubmission(string shown, string name, IReadOnlyList<string> notebookNames)
    {
        if (name.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
        {
            string guess = NotebookNames.Closest(name, notebookNames) is { } closest ? $"; did you mean {closest}? Rename it" : "; rename it";
            return $"'{shown}' is not one of the module's notebooks ({string.Join(", ", notebookNames)}){guess}, or grade the folder that holds it.";
        }

        string what = name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? "a zip archive: unpack it and grade the folders it holds" : "not a notebook: leave it out";
        return $"'{shown}' is neither a folder of notebooks nor one of the module's notebooks; it is {what}.";
    }

    private static string SharedId(IGrouping<string, string> same)
    {
        string paths = string.Join(" and ", same.Select(TerminalText.Escape));
        string id = TerminalText.Escape(same.Key);
        string[] parents = [.. same.Select(p => Path.GetFileName(Path.GetDirectoryName(p) ?? "") ?? "")];
        bool notebooks = same.All(SubmissionFiles.IsRegularFile);
        return notebooks && parents.All(p => p.Length > 0) && parents.Distinct(StringComparer.Ordinal).Count() == parents.Length
            ? $"'{id}' would be the student id of both {paths} (a single notebook's id is its name): grade the folders that hold them instead "
                + $"({string.Join(", ", same.Select(p => TerminalText.Escape(Path.GetDirectoryName(p)!)))}), so that each student's id is their folder's name."
            : $"'{id}' would be the student id of both {paths} (a submission's id is its name): rename one, or grade them into different --out folders.";
    }

    // A notebook at the top of the folder, by its name (a renamed copy too, and a link or a folder so named, which
    // grading then refuses with its reason).
    private static bool HoldsNotebooks(string folder) =>
        Names(folder).Any(n => n.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase));

    // The visible folders directly inside, links to folders too (graded as refused links), in name order.
    private static List<DirectoryInfo> Subfolders(string folder)
    {
        try
        {
            return [.. new DirectoryInfo(folder).EnumerateDirectories().Take(MaxEntriesListed).Where(d => !d.Name.StartsWith('.')).OrderBy(d => d.Name, StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static IEnumerable<string> Names(string folder)
    {
        try
        {
            return [.. Directory.EnumerateFileSystemEntries(folder).Take(MaxEntriesListed).Select(e => Path.GetFileName(e))];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
