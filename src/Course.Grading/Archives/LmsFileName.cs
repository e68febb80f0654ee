using System.Text.RegularExpressions;

namespace Course.Grading.Archives;

/// <summary>
/// A file or folder of an LMS's "download all submissions" archive, read for the student it belongs to. Two
/// LMSs' namings are read:
/// <list type="bullet">
/// <item><b>Canvas</b> ("Download Submissions"): one flat file per submitted file,
/// <c>{name}_{userid}_{attachmentid}_{file}</c>, with <c>LATE_</c> before the user id for a late submission, and
/// <c>-1</c>, <c>-2</c> ... before the extension of a file the student submitted again
/// (<c>smithjane_LATE_4711_881234_01-dataset-1.ipynb</c>). Student id: <c>{name}_{userid}</c>.</item>
/// <item><b>Moodle</b> 3.1 and later ("Download all submissions"): with "download submissions in folders" (the
/// default) a folder per student, <c>{Full Name}_{participantid}_assignsubmission_file/{file}</c>; without it, flat
/// files <c>{Full Name}_{participantid}_assignsubmission_file_{file}</c>. Student id: <c>{Full Name}_{participantid}</c>.</item>
/// </list>
/// The student id keeps the LMS's name and its number: unique (the number), and recognisable in the gradebook.
/// </summary>
/// <param name="StudentId">The student id.</param>
/// <param name="FileName">The file's own name, without the LMS's prefix (and without Canvas's resubmission suffix once
/// <see cref="WithoutResubmissionSuffix"/> has removed it).</param>
/// <param name="Lms">Which naming it follows: <c>Canvas</c> or <c>Moodle</c>.</param>
public sealed partial record LmsFileName(string StudentId, string FileName, string Lms)
{
    /// <summary>The naming of Canvas.</summary>
    public const string Canvas = "Canvas";

    /// <summary>The naming of Moodle.</summary>
    public const string Moodle = "Moodle";

    /// <summary>Reads a flat file name of a Canvas or Moodle archive.</summary>
    /// <param name="fileName">The name, one path segment.</param>
    /// <returns>Its student and own name, or null when it follows neither naming.</returns>
    public static LmsFileName? ParseFile(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        // Moodle first: its fixed "_assignsubmission_" part cannot be mistaken, where Canvas's pattern is looser.
        if (MoodleFile().Match(fileName) is { Success: true } moodle)
        {
            return moodle.Groups["plugin"].Value == "file"
                ? new LmsFileName($"{moodle.Groups["name"].Value}_{moodle.Groups["id"].Value}", moodle.Groups["file"].Value, Moodle)
                : null;
        }

        return CanvasFile().Match(fileName) is { Success: true } canvas
            ? new LmsFileName($"{canvas.Groups["name"].Value}_{canvas.Groups["user"].Value}", canvas.Groups["file"].Value, Canvas)
            : null;
    }

    /// <summary>The student id of a top-level folder: Moodle's <c>{Full Name}_{participantid}_assignsubmission_{plugin}</c>
    /// gives <c>{Full Name}_{participantid}</c>; any other folder's name is the student id itself.</summary>
    /// <param name="folder">The folder's name.</param>
    /// <returns>The student id and the naming (<see cref="Moodle"/>, or <c>folder</c>).</returns>
    public static (string StudentId, string Naming) ParseFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return MoodleFolder().Match(folder) is { Success: true } moodle
            ? ($"{moodle.Groups["name"].Value}_{moodle.Groups["id"].Value}", Moodle)
            : (folder, "folder");
    }

    /// <summary>
    /// Canvas renames a file submitted again <c>01-dataset-1.ipynb</c>: the module's name when that is what the
    /// suffix hides (<paramref name="expected"/> holds it and not the name as it is), else the name unchanged.
    /// </summary>
    /// <param name="expected">The file names grading looks for.</param>
    /// <returns>This, with <see cref="FileName"/> restored when it was Canvas's renaming of an expected name.</returns>
    public LmsFileName WithoutResubmissionSuffix(IReadOnlyCollection<string> expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (Lms != Canvas || expected.Contains(FileName, StringComparer.Ordinal) || ResubmissionSuffix().Match(FileName) is not { Success: true } m)
        {
            return this;
        }

        string restored = m.Groups["stem"].Value + m.Groups["extension"].Value;
        return expected.Contains(restored, StringComparer.Ordinal) ? this with { FileName = restored } : this;
    }

    // Canvas's name part is its sortable name squeezed to letters and digits, so it holds no underscore.
    [GeneratedRegex(@"^(?<name>[^_]+)_(LATE_)?(?<user>\d+)_(?<attachment>\d+)_(?<file>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex CanvasFile();

    // Moodle replaces underscores in the full name with spaces, so the name part holds none either.
    [GeneratedRegex(@"^(?<name>[^_]+)_(?<id>\d+)_assignsubmission_(?<plugin>[a-z]+)_(?<file>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex MoodleFile();

    [GeneratedRegex(@"^(?<name>[^_]+)_(?<id>\d+)_assignsubmission_(?<plugin>[a-z]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex MoodleFolder();

    [GeneratedRegex(@"^(?<stem>.+)-\d+(?<extension>\.[^.]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ResubmissionSuffix();
}
