using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Course.Grading.Output;

/// <summary>
/// The name of a student's folder in a grading run's output folder, made from the student's id, which comes from
/// a submission's file name and so may be anything: <c>..</c>, <c>summary.html</c>, a name with slashes, quotes,
/// control characters or 300 letters. A plain id (ASCII letters, digits, <c>_</c>, and <c>-</c> or <c>.</c> after
/// the first character, at most <see cref="MaxPlainLength"/> characters) is its own folder name, so the usual
/// layout stays; any other id gets a readable slug of it, <c>~</c> and a hash of the exact id, so no id can name a
/// path outside the output folder, one of the run's own files, or another student's folder.
/// </summary>
/// <remarks>
/// The folder name is only where the files go: every output still shows the real id (escaped for its format), and
/// <c>result.json</c> keeps it, so a later run finds the student again. Plain names hold no <c>~</c> and hashed ones
/// always do, so the two kinds never meet; hashed names differ by a 64-bit hash of the id's UTF-16 code units.
/// </remarks>
public static class StudentFolder
{
    /// <summary>The longest id that is its own folder name.</summary>
    public const int MaxPlainLength = 64;

    /// <summary>What separates the readable slug from the hash in a folder name made for an id that is not plain.</summary>
    public const char HashSeparator = '~';

    private const int SlugLength = 40;
    private const int HashLength = 16;

    // Reserved by Windows in any folder, with any extension ("con.txt" too): a folder moved there would be unusable.
    private static readonly string[] DeviceNames =
    [
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        .. Enumerable.Range(0, 10).SelectMany(i => new[] { $"COM{i}", $"LPT{i}" }),
    ];

    /// <summary>The run's own files beside the students' folders, which no student's folder may take.</summary>
    public static IReadOnlyList<string> ClassFileNames { get; } = [GradebookWriter.FileName, ClassSummaryWriter.FileName];

    /// <summary>The folder name of <paramref name="studentId"/>: the id itself if plain, else its slug, <c>~</c> and its hash.</summary>
    /// <param name="studentId">The student's id.</param>
    /// <returns>One path segment, safe on Linux, macOS and Windows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="studentId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="studentId"/> is empty.</exception>
    public static string NameOf(string studentId) => IsPlain(studentId) ? studentId : HashedNameOf(studentId);

    /// <summary>
    /// Whether <paramref name="studentId"/> is its own folder name: 1 to <see cref="MaxPlainLength"/> ASCII letters,
    /// digits, <c>_</c>, <c>-</c> and <c>.</c>, starting with a letter, digit or <c>_</c> (not a hidden file, not an
    /// option), not ending with <c>.</c> (Windows drops it), not one of <see cref="ClassFileNames"/> (nor their
    /// temporary files), nor a Windows device name, in any case.
    /// </summary>
    /// <param name="studentId">The student's id.</param>
    /// <returns>True if the id is its folder name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="studentId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="studentId"/> is empty.</exception>
    public static bool IsPlain(string studentId)
    {
        Validate(studentId);
        if (studentId.Length > MaxPlainLength || !studentId.All(IsPlainCharacter) || (!char.IsAsciiLetterOrDigit(studentId[0]) && studentId[0] != '_')
            || studentId.EndsWith('.'))
        {
            return false;
        }

        // Case-insensitively: on macOS and Windows "Summary.HTML" is the summary's file.
        if (ClassFileNames.Any(f => studentId.Equals(f, StringComparison.OrdinalIgnoreCase) || studentId.StartsWith(f + ".", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        string stem = studentId.Split('.')[0];
        return !DeviceNames.Contains(stem, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The folder name <paramref name="studentId"/> gets when it is not plain (or when plain ids differ only in case,
    /// <see cref="NamesOf"/>): a readable ASCII slug of it (accents dropped, other characters made <c>_</c>, at most 40
    /// characters), <see cref="HashSeparator"/>, and 16 hex digits of the SHA-256 of the exact id.
    /// </summary>
    /// <param name="studentId">The student's id.</param>
    /// <returns>The folder name, such as <c>unicode~1f2e3d4c5b6a7988</c> for <c>ünïcödé</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="studentId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="studentId"/> is empty.</exception>
    public static string HashedNameOf(string studentId)
    {
        Validate(studentId);
        return Slug(studentId) + HashSeparator + Hash(studentId);
    }

    /// <summary>
    /// The folder name of each of a run's students: <see cref="NameOf"/>, except that plain ids differing only in
    /// case (<c>Amy</c> and <c>amy</c>, one folder on macOS and Windows) all get their hashed names.
    /// </summary>
    /// <param name="studentIds">The run's student ids, each once.</param>
    /// <returns>Each id's folder name; no two equal, even ignoring case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="studentIds"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">An id is empty or given twice; or two ids' hashes collide.</exception>
    public static IReadOnlyDictionary<string, string> NamesOf(IEnumerable<string> studentIds)
    {
        ArgumentNullException.ThrowIfNull(studentIds);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string id in studentIds)
        {
            if (!names.TryAdd(id, NameOf(id)))
            {
                throw new ArgumentException($"The student id '{TerminalText.Escape(id)}' is given twice.", nameof(studentIds));
            }
        }

        foreach (var twins in names.GroupBy(p => p.Value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).ToList())
        {
            foreach (var (id, _) in twins)
            {
                names[id] = HashedNameOf(id);
            }
        }

        // Cannot happen short of a 64-bit hash collision, which a hostile name could aim for: refused, never shared.
        if (names.GroupBy(p => p.Value, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } same)
        {
            throw new ArgumentException(
                $"The student ids {string.Join(" and ", same.Select(p => $"'{TerminalText.Escape(p.Key)}'"))} would share the folder '{same.Key}'; rename one.",
                nameof(studentIds));
        }

        return names;
    }

    /// <summary>
    /// The full path of the student folder <paramref name="folderName"/> in <paramref name="outputDirectory"/>, checked
    /// to be a folder directly inside it.
    /// </summary>
    /// <param name="outputDirectory">The run's output folder.</param>
    /// <param name="folderName">A name from <see cref="NameOf"/> or <see cref="NamesOf"/>.</param>
    /// <returns>The folder's full path.</returns>
    /// <exception cref="ArgumentException"><paramref name="folderName"/> is not one folder directly inside the output folder, or is one of its class files.</exception>
    public static string PathIn(string outputDirectory, string folderName)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        ArgumentException.ThrowIfNullOrEmpty(folderName);
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        string folder = Path.GetFullPath(Path.Combine(root, folderName));
        // Checked here too, not only trusted from NameOf: this is the last step before files are written and removed.
        if (folderName.IndexOfAny(['/', '\\']) >= 0 || folderName is "." or ".." || !string.Equals(Path.GetDirectoryName(folder), root, StringComparison.Ordinal)
            || ClassFileNames.Contains(folderName, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{TerminalText.Escape(folderName)}' is not a student folder inside '{outputDirectory}'.", nameof(folderName));
        }

        return folder;
    }

    private static void Validate(string studentId)
    {
        ArgumentNullException.ThrowIfNull(studentId);
        if (studentId.Length == 0)
        {
            throw new ArgumentException("A student id must not be empty: it is the name of a submission, and an empty one names none.", nameof(studentId));
        }
    }

    private static bool IsPlainCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';

    private static string Slug(string studentId)
    {
        var sb = new StringBuilder(SlugLength);
        foreach (char c in Decomposed(studentId))
        {
            if (IsPlainCharacter(c))
            {
                sb.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && (sb.Length == 0 || sb[^1] != '_'))
            {
                sb.Append('_');
            }

            if (sb.Length >= SlugLength)
            {
                break;
            }
        }

        // No leading dot (hidden) or dash (an option to a tool that lists the folder), no trailing dot (Windows).
        string slug = sb.ToString().TrimStart('.', '-', '_').TrimEnd('.', '_');
        return slug.Length > 0 ? slug : "id";
    }

    // Decomposed, so "ü" is "u" and a combining diaeresis, which the slug drops: accented names stay readable.
    private static string Decomposed(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be normalised; the slug then just has "_" for each letter with an accent.
            return text;
        }
    }

    // Of the UTF-16 code units, not of an encoding: every distinct id, even one with a lone surrogate, hashes apart.
    private static string Hash(string studentId)
    {
        byte[] units = new byte[studentId.Length * 2];
        for (int i = 0; i < studentId.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(units.AsSpan(i * 2), studentId[i]);
        }

        return Convert.ToHexStringLower(SHA256.HashData(units))[..HashLength];
    }
}
