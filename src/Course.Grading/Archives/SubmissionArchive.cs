using System.Globalization;
using System.IO.Compression;
using System.Text;
using Course.Grading.Output;

namespace Course.Grading.Archives;

/// <summary>
/// Extracts an LMS's "download all submissions" archive into one folder per student, safely: the archive is hostile
/// input, and is refused whole (<see cref="ArchiveRefusedException"/>, naming the entry) before anything is written
/// when any entry would land outside the target, is a link, device, pipe or socket, has a name that is not UTF-8 or
/// holds control characters, a backslash, a drive letter or an empty, <c>.</c> or <c>..</c> segment, is listed twice
/// or as both file and folder, is encrypted, or is larger (declared or actual) than the <see cref="ArchiveLimits"/>.
/// </summary>
/// <remarks>
/// <para>Layouts read: one folder per student (the folder's name is the student id; Moodle's
/// <c>{Full Name}_{id}_assignsubmission_file</c> folders give <c>{Full Name}_{id}</c>), or one flat file per
/// submitted file named as Canvas or Moodle name them (<see cref="LmsFileName"/>). A single folder holding the whole
/// class (a zipped <c>submissions/</c>) is looked into; <c>__MACOSX/</c> is ignored.</para>
/// <para>Only notebooks (<c>*.ipynb</c>) are written, each into its student's folder at its place there, created
/// anew (never over an existing file) with owner-only permissions; nbgrader's <c>timestamp.txt</c> is read, not
/// written; every other file is checked like the rest and left in the archive, since grading reads nothing else.</para>
/// </remarks>
public static class SubmissionArchive
{
    /// <summary>nbgrader's file of a submission's time, in a student's folder.</summary>
    public const string TimestampFileName = "timestamp.txt";

    private const string MacResourceFolder = "__MACOSX";
    private const int MaxTimestampBytes = 4096;

    /// <summary>
    /// Extracts <paramref name="archivePath"/> into <paramref name="target"/>: one folder per student, named the student id.
    /// </summary>
    /// <param name="archivePath">The zip.</param>
    /// <param name="target">A folder that does not exist yet (or is empty); removed again when the archive is refused.</param>
    /// <param name="notebookNames">The module's notebook names (to undo Canvas's renaming of a file submitted again).</param>
    /// <param name="limits">The limits; null for <see cref="ArchiveLimits.Default"/>.</param>
    /// <returns>The students' submissions and the top-level files that belong to no student.</returns>
    /// <exception cref="ArchiveRefusedException">The archive is refused; the message names the entry and why.</exception>
    /// <exception cref="IOException">The archive cannot be read, or the target is not empty (an <see cref="IOException"/> that is not an <see cref="ArchiveRefusedException"/>).</exception>
    public static ExtractedArchive Extract(string archivePath, string target, IReadOnlyList<string> notebookNames, ArchiveLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(archivePath);
        ArgumentException.ThrowIfNullOrEmpty(target);
        ArgumentNullException.ThrowIfNull(notebookNames);
        limits ??= ArchiveLimits.Default;
        string root = Path.GetFullPath(target);
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new IOException($"The folder '{root}' to extract '{archivePath}' into is not empty.");
        }

        using var stream = File.OpenRead(archivePath);
        var plan = Plan(stream, archivePath, notebookNames, limits);
        try
        {
            return Write(archivePath, root, plan, limits);
        }
        catch
        {
            // Refused (or failed) midway: nothing half-extracted is left to be graded by mistake.
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }

            throw;
        }
    }

    // Every check that needs no writing, over every entry, before anything is written.
    private static ExtractionPlan Plan(FileStream stream, string archivePath, IReadOnlyList<string> notebookNames, ArchiveLimits limits)
    {
        IReadOnlyList<ZipCentralEntry> stored;
        try
        {
            stored = ZipCentralDirectory.Read(stream, limits, reason => Refused(archivePath, reason));
        }
        catch (EndOfStreamException e)
        {
            throw Refused(archivePath, "it is damaged (it ends in the middle of its central directory)", e);
        }

        var entries = new List<(ZipCentralEntry Stored, string Name, string[] Segments, bool IsFolder)>(stored.Count);
        foreach (var entry in stored)
        {
            if (ArchiveEntryName.Check(entry, out string name, out string[] segments, out bool isFolder) is { } reason)
            {
                throw Refused(archivePath, entry.Index, name, reason);
            }

            entries.Add((entry, name, segments, isFolder));
        }

        CheckUnique(archivePath, entries.Select(e => (e.Stored.Index, e.Name, e.Segments, e.IsFolder)));
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true, Encoding.UTF8);
        }
        catch (InvalidDataException e)
        {
            throw Refused(archivePath, $"it is damaged ({e.Message})", e);
        }

        // ZipArchive reads the same central directory; anything it sees differently is a damaged or doctored archive.
        if (zip.Entries.Count != entries.Count || entries.Any(e => zip.Entries[e.Stored.Index].FullName != e.Name))
        {
            zip.Dispose();
            throw Refused(archivePath, "its central directory reads differently to the zip library (a damaged or doctored archive)");
        }

        var files = entries.Where(e => !e.IsFolder && e.Segments[0] != MacResourceFolder).Select(e => (e.Stored, e.Name, e.Segments)).ToList();
        int depth = WrapperDepth(files.Select(f => f.Segments).ToList());
        var students = new SortedDictionary<string, StudentPlan>(StringComparer.Ordinal);
        var ignored = new List<string>();
        foreach (var (entry, name, allSegments) in files)
        {
            string[] segments = allSegments[depth..];
            string id, naming;
            string[] relative;
            if (segments.Length == 1)
            {
                if (LmsFileName.ParseFile(segments[0]) is not { } lms)
                {
                    ignored.Add(name);
                    continue;
                }

                lms = lms.WithoutResubmissionSuffix(notebookNames);
                (id, naming, relative) = (lms.StudentId, lms.Lms, [lms.FileName]);
            }
            else
            {
                (id, naming) = LmsFileName.ParseFolder(segments[0]);
                relative = segments[1..];
            }

            if (!students.TryGetValue(id, out var student))
            {
                student = new StudentPlan(id, naming);
                students.Add(id, student);
            }

            var zipEntry = zip.Entries[entry.Index];
            student.Times.Add(entry.UnixModifiedSeconds is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : zipEntry.LastWriteTime);
            string path = string.Join('/', relative);
            if (relative.Length == 1 && relative[0] == TimestampFileName)
            {
                student.TimestampEntry = zipEntry;
            }
            else if (relative[^1].EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
            {
                if (student.Notebooks.TryGetValue(path, out var other))
                {
                    throw Refused(archivePath, entry.Index, name,
                        $"it is student '{TerminalText.Escape(id)}''s '{TerminalText.Escape(path)}', and so is '{TerminalText.Escape(other.FullName)}'");
                }

                if (zipEntry.Length > limits.MaxEntryBytes)
                {
                    throw Refused(archivePath, entry.Index, name, string.Create(CultureInfo.InvariantCulture,
                        $"it declares {zipEntry.Length:N0} bytes, more than the {limits.MaxEntryBytes:N0} a file may have"));
                }

                student.Notebooks.Add(path, zipEntry);
            }
        }

        long total = students.Values.SelectMany(s => s.Notebooks.Values).Sum(e => e.Length);
        if (total > limits.MaxTotalBytes)
        {
            throw Refused(archivePath, string.Create(CultureInfo.InvariantCulture,
                $"its notebooks declare {total:N0} bytes in all, more than the {limits.MaxTotalBytes:N0} allowed"));
        }

        return new ExtractionPlan(zip, [.. students.Values], ignored);
    }

    private static ExtractedArchive Write(string archivePath, string root, ExtractionPlan plan, ArchiveLimits limits)
    {
        using var zip = plan.Zip;
        Directory.CreateDirectory(root);
        var submissions = new List<ArchivedSubmission>();
        foreach (var student in plan.Students)
        {
            string folder = Within(root, student.Id);
            Directory.CreateDirectory(folder);
            foreach (var (path, entry) in student.Notebooks)
            {
                string file = Within(root, Path.Combine([student.Id, .. path.Split('/')]));
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                Copy(archivePath, entry, file, limits);
            }

            var timestamp = student.TimestampEntry is { } recorded ? ReadTimestamp(archivePath, recorded) : null;
            submissions.Add(new ArchivedSubmission(student.Id, folder, timestamp ?? (student.Times.Count > 0 ? student.Times.Max() : null), student.Naming));
        }

        return new ExtractedArchive(submissions, plan.Ignored);
    }

    // Declared sizes were checked before; the bytes actually inflated are counted too, since a doctored entry can
    // inflate to far more than it declares (a zip bomb) and ZipArchive does not stop at the declared size.
    private static void Copy(string archivePath, ZipArchiveEntry entry, string file, ArchiveLimits limits)
    {
        long allowed = Math.Min(entry.Length, limits.MaxEntryBytes);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var input = entry.Open();
            using var output = new FileStream(file, options);
            byte[] buffer = new byte[81920];
            long written = 0;
            uint crc = 0;
            int read;
            while ((read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, allowed - written + 1))) > 0)
            {
                written += read;
                if (written > allowed)
                {
                    throw Refused(archivePath, entry, string.Create(CultureInfo.InvariantCulture,
                        $"it holds more than the {entry.Length:N0} bytes it declares"));
                }

                crc = ZipCrc32.Append(crc, buffer.AsSpan(0, read));
                output.Write(buffer, 0, read);
            }

            if (written != entry.Length || crc != entry.Crc32)
            {
                throw Refused(archivePath, entry, string.Create(CultureInfo.InvariantCulture,
                    $"what it inflates to does not match the {entry.Length:N0} bytes and checksum it declares (a damaged entry, or one that holds more than it declares)"));
            }
        }
        catch (InvalidDataException e)
        {
            throw Refused(archivePath, entry, $"it is damaged ({e.Message})", e);
        }
    }

    // nbgrader writes "2025-03-07 22:59:00.123456 UTC"; ISO 8601 with an offset is read too, and a time without a zone is UTC, as nbgrader's is.
    private static DateTimeOffset? ReadTimestamp(string archivePath, ZipArchiveEntry entry)
    {
        if (entry.Length > MaxTimestampBytes)
        {
            return null;
        }

        string text;
        try
        {
            using var reader = new StreamReader(entry.Open(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            char[] buffer = new char[MaxTimestampBytes];
            text = new string(buffer, 0, reader.ReadBlock(buffer, 0, buffer.Length)).Trim();
        }
        catch (Exception e) when (e is InvalidDataException or DecoderFallbackException)
        {
            throw Refused(archivePath, entry, $"it is damaged ({e.Message})", e);
        }

        if (text.EndsWith(" UTC", StringComparison.Ordinal))
        {
            text = text[..^4];
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    // How many leading folders hold the whole class: a zipped "submissions/" folder, holding student folders (or
    // LMS-named files) and no notebook of its own, is looked into. A folder directly holding a notebook, or only
    // files, is a student's.
    private static int WrapperDepth(List<string[]> files)
    {
        int depth = 0;
        while (files.Count > 0 && files.All(f => f.Length > depth + 1 && f[depth] == files[0][depth]))
        {
            var direct = files.Where(f => f.Length == depth + 2).Select(f => f[depth + 1]).ToList();
            bool holdsFolders = files.Any(f => f.Length > depth + 2);
            bool holdsOwnNotebook = direct.Any(name => name.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) && LmsFileName.ParseFile(name) is null);
            bool holdsLmsFiles = direct.Count > 0 && direct.All(name => LmsFileName.ParseFile(name) is not null);
            if (holdsOwnNotebook || !(holdsFolders || holdsLmsFiles))
            {
                break;
            }

            depth++;
        }

        return depth;
    }

    private static void CheckUnique(string archivePath, IEnumerable<(int Index, string Name, string[] Segments, bool IsFolder)> entries)
    {
        var files = new Dictionary<string, (int Index, string Name)>(StringComparer.Ordinal);
        var folders = new Dictionary<string, (int Index, string Name)>(StringComparer.Ordinal);
        var list = entries.ToList();
        foreach (var (index, name, segments, isFolder) in list)
        {
            string path = string.Join('/', segments);
            if (!isFolder && !files.TryAdd(path, (index, name)))
            {
                throw Refused(archivePath, index, name, $"an earlier entry (entry {files[path].Index + 1}) has the same name");
            }

            for (int n = isFolder ? segments.Length : segments.Length - 1; n > 0; n--)
            {
                folders.TryAdd(string.Join('/', segments[..n]), (index, name));
            }
        }

        foreach (var (path, file) in files)
        {
            if (folders.TryGetValue(path, out var folder))
            {
                throw Refused(archivePath, file.Index, file.Name, $"it is a file, and entry {folder.Index + 1} '{TerminalText.Escape(folder.Name)}' makes it a folder");
            }
        }
    }

    // Belt and braces: every name was checked segment by segment, and the path is checked again once joined.
    private static string Within(string root, string relative)
    {
        string full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArchiveRefusedException($"'{TerminalText.Escape(relative)}' would be written outside '{root}'.");
        }

        return full;
    }

    private static ArchiveRefusedException Refused(string archivePath, string reason, Exception? inner = null) =>
        new($"The archive '{TerminalText.Escape(archivePath)}' was refused: {reason}.", inner!);

    private static ArchiveRefusedException Refused(string archivePath, int index, string name, string reason) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The archive '{TerminalText.Escape(archivePath)}' was refused: entry {index + 1} '{TerminalText.Escape(name)}': {reason}."));

    private static ArchiveRefusedException Refused(string archivePath, ZipArchiveEntry entry, string reason, Exception? inner = null) =>
        new($"The archive '{TerminalText.Escape(archivePath)}' was refused: entry '{TerminalText.Escape(entry.FullName)}': {reason}.", inner!);

    private sealed record ExtractionPlan(ZipArchive Zip, IReadOnlyList<StudentPlan> Students, IReadOnlyList<string> Ignored);

    private sealed class StudentPlan(string id, string naming)
    {
        public string Id { get; } = id;

        public string Naming { get; } = naming;

        public List<DateTimeOffset> Times { get; } = [];

        public SortedDictionary<string, ZipArchiveEntry> Notebooks { get; } = new(StringComparer.Ordinal);

        public ZipArchiveEntry? TimestampEntry { get; set; }
    }
}
