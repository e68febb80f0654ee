using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Course.Autograder.Preparation;

/// <summary>
/// The files of a submission that grading reads (the module's notebooks, nothing else), read once and safely: the
/// one place where the trusted parent touches a submission's files. Everything after it (preparation, the
/// fingerprint) works from these bytes.
/// </summary>
/// <remarks>
/// <para>A submission is hostile input, from its names to its bytes. So: the submission itself and each notebook are
/// examined with <c>lstat</c>, without following links; only a regular file is opened, with <c>O_NOFOLLOW</c> and
/// <c>O_NONBLOCK</c>, and checked again on the opened handle (<c>fstat</c>) before a byte is read. A symbolic link
/// (to the instructor's sources, a classmate's notebook, <c>/etc/shadow</c>, <c>/dev/zero</c>; dangling or a loop), a
/// named pipe, a device, a socket or a folder in a notebook's place is refused with a reason that says what it is,
/// never what a link points to, and nothing behind it is opened. A notebook larger than
/// <see cref="MaxNotebookBytes"/> is refused by its size before it is read. A hard link is a regular file (the same
/// file under a second name) and is read like one; archive tools do not make one that leaves the folder they
/// extract into. Links above the submission (the instructor's own folders) are the instructor's and are followed.</para>
/// <para>Memory, whatever a submission holds: reading it holds at most <see cref="MaxNotebookBytes"/> per module
/// notebook (six notebooks: 120 MB at the very most), and nothing else of it is opened. A notebook parsed from those
/// bytes is bounded by <c>IpynbReader</c>'s limits (250,000 JSON tokens, 32 levels, 10,000 cells): at the limits,
/// measured, one notebook keeps about 60 MB once prepared and allocates about 250 MB on the way (parsing, restoring
/// its locked cells, writing the runner's copy). <c>course grade</c> reads and prepares one submission per grading
/// slot (<c>--jobs</c>) and keeps one prepared submission per slot, so the parent's memory is bounded by
/// <c>--jobs</c> × (120 MB of bytes + 6 × 60 MB kept + 250 MB passing), about 730 MB a slot at worst, against
/// 5.4 GB measured for one 300 MB notebook before.</para>
/// </remarks>
/// <param name="Path">The submission, as a full path without a trailing separator.</param>
/// <param name="Notebooks">One entry per module notebook, in the module's order.</param>
public sealed record SubmissionFiles(string Path, IReadOnlyList<SubmittedFile> Notebooks)
{
    /// <summary>The largest notebook file read: 20 MB. The course's notebooks are under 50 KB; outputs make them grow, not code.</summary>
    public const int MaxNotebookBytes = 20 * 1024 * 1024;

    // The most entries of a submission folder looked at for a renamed notebook: names only, but a folder may hold millions.
    private const int MaxEntriesListed = 10_000;

    /// <summary>
    /// Whether the submission is one notebook file rather than a folder: then <see cref="Notebooks"/> holds that
    /// notebook alone, and it is graded out of its own checks, not the module's.
    /// </summary>
    public bool SingleNotebook { get; init; }

    /// <summary>
    /// The module notebooks <paramref name="submissionPath"/> is graded on, without reading it: the one notebook a
    /// single notebook file is (<see cref="NotebookNames.Match"/>), else all of them.
    /// </summary>
    /// <param name="submissionPath">The submission.</param>
    /// <param name="notebookNames">The module's notebook file names.</param>
    /// <returns>The notebooks, in the module's order.</returns>
    public static IReadOnlyList<string> NotebooksGradedIn(string submissionPath, IReadOnlyList<string> notebookNames)
    {
        ArgumentException.ThrowIfNullOrEmpty(submissionPath);
        ArgumentNullException.ThrowIfNull(notebookNames);
        string path = FullPath(submissionPath);
        return SingleNotebookOf(path, Examine(path).Kind, notebookNames) is { } single ? [single] : notebookNames;
    }

    /// <summary>Reads the module notebooks of <paramref name="submissionPath"/>: a folder of notebooks, or one notebook file named like a module notebook.</summary>
    /// <param name="submissionPath">The submission.</param>
    /// <param name="notebookNames">The module's notebook file names.</param>
    /// <returns>Each notebook's bytes or why there are none. Nothing a submission holds makes this throw.</returns>
    public static SubmissionFiles Read(string submissionPath, IReadOnlyList<string> notebookNames)
    {
        ArgumentException.ThrowIfNullOrEmpty(submissionPath);
        ArgumentNullException.ThrowIfNull(notebookNames);
        string path = FullPath(submissionPath);
        string name = System.IO.Path.GetFileName(path);
        string shown = Printable(name);
        var (kind, _, errno) = Examine(path);
        string? single = SingleNotebookOf(path, kind, notebookNames);
        IEnumerable<SubmittedFile> files = kind switch
        {
            FileKind.Directory => ReadFolder(path, notebookNames),
            FileKind.Missing => notebookNames.Select(SubmittedFile.Missing),
            // A single notebook, graded alone: a link or a pipe named like one is refused as such by ReadOne.
            _ when single is not null => [ReadOne(single, path) with { SubmittedAs = single == name ? null : name }],
            FileKind.Regular => notebookNames.Select(SubmittedFile.Missing),
            FileKind.Unexaminable => notebookNames.Select(n => SubmittedFile.Refused(n, $"the submission '{shown}' could not be examined ({ErrorText(errno)})")),
            FileKind.SymbolicLink => notebookNames.Select(n => SubmittedFile.Refused(n, $"the submission '{shown}' is a symbolic link, and the grader follows no links: submit the folder itself")),
            _ => notebookNames.Select(n => SubmittedFile.Refused(n, $"the submission '{shown}' is {Noun(kind)}, not a folder of notebooks")),
        };
        return new SubmissionFiles(path, [.. files]) { SingleNotebook = single is not null };
    }

    /// <summary>Whether anything is at <paramref name="path"/>, a dangling link or a link loop included (a link is not followed).</summary>
    /// <param name="path">A path.</param>
    /// <returns>True when something of that name exists.</returns>
    public static bool Exists(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Examine(FullPath(path)).Kind != FileKind.Missing;
    }

    /// <summary>Whether <paramref name="path"/> is a regular file, not a link to one.</summary>
    /// <param name="path">A path.</param>
    /// <returns>True for a regular file.</returns>
    public static bool IsRegularFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Examine(FullPath(path)).Kind == FileKind.Regular;
    }

    /// <summary>What is at <paramref name="path"/>, examined without following a link.</summary>
    /// <param name="path">A path.</param>
    /// <returns>Its kind.</returns>
    internal static FileKind KindOf(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Examine(FullPath(path)).Kind;
    }

    // The module notebook a submission that is no folder is, by its name (a renamed copy too); null for a folder.
    private static string? SingleNotebookOf(string path, FileKind kind, IReadOnlyList<string> notebookNames) =>
        kind is FileKind.Directory or FileKind.Missing ? null : NotebookNames.Match(System.IO.Path.GetFileName(path), notebookNames);

    // Each module notebook by its name; one that is not there, by a renamed copy when there is exactly one.
    private static IEnumerable<SubmittedFile> ReadFolder(string folder, IReadOnlyList<string> notebookNames)
    {
        string[]? entries = null;
        foreach (string name in notebookNames)
        {
            var file = ReadOne(name, System.IO.Path.Combine(folder, name));
            if (file.Status != SubmittedFileStatus.Missing)
            {
                yield return file;
                continue;
            }

            entries ??= Entries(folder);
            var others = entries.Where(e => !notebookNames.Contains(e, StringComparer.Ordinal)).ToList();
            var copies = others.Where(e => NotebookNames.Match(e, notebookNames) == name).ToList();
            yield return copies.Count == 1
                ? ReadOne(name, System.IO.Path.Combine(folder, copies[0])) with { SubmittedAs = copies[0] }
                : file with
                {
                    // Two copies: which one is the notebook is the student's to say.
                    Suggestions = copies.Count > 1 ? copies : [.. others.Where(e => e.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)
                        && NotebookNames.Match(e, notebookNames) is null && NotebookNames.Closest(e, notebookNames) == name).Take(3)],
                };
        }
    }

    // The names in a folder, sorted, at most MaxEntriesListed: nothing is opened or followed.
    private static string[] Entries(string folder)
    {
        try
        {
            return [.. Directory.EnumerateFileSystemEntries(folder).Take(MaxEntriesListed).Select(e => System.IO.Path.GetFileName(e)).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    // Without its trailing separator: lstat("link/") follows the link.
    private static string FullPath(string path) => System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path));

    private static SubmittedFile ReadOne(string name, string path)
    {
        var (kind, size, errno) = Examine(path);
        switch (kind)
        {
            case FileKind.Missing:
                return SubmittedFile.Missing(name);
            case FileKind.Unexaminable:
                return SubmittedFile.Refused(name, $"it could not be examined ({ErrorText(errno)})");
            case not FileKind.Regular:
                return SubmittedFile.Refused(name, Describe(kind));
            case FileKind.Regular when size > MaxNotebookBytes:
                return SubmittedFile.Refused(name, TooLarge(size));
        }

        SafeFileHandle handle;
        try
        {
            if (OpenNoFollow(path, out errno) is not { } opened)
            {
                return SubmittedFile.Refused(name, OperatingSystem.IsWindows() || !PosixFiles.IsLink(errno)
                    ? $"it could not be opened ({ErrorText(errno)})"
                    : Describe(FileKind.SymbolicLink));
            }

            handle = opened;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return SubmittedFile.Refused(name, $"it could not be opened ({e.Message})");
        }

        using (handle)
        {
            return ReadOpened(name, handle);
        }
    }

    private static SubmittedFile ReadOpened(string name, SafeFileHandle handle)
    {
        // What was opened is checked again: the entry examined before could have been replaced since.
        var (kind, size) = OperatingSystem.IsWindows() ? (FileKind.Regular, RandomAccess.GetLength(handle)) : PosixFiles.FStat(handle);
        if (kind != FileKind.Regular)
        {
            return SubmittedFile.Refused(name, Describe(kind));
        }

        if (size > MaxNotebookBytes)
        {
            return SubmittedFile.Refused(name, TooLarge(size));
        }

        try
        {
            byte[] content = new byte[size];
            int read = 0;
            while (read < content.Length && RandomAccess.Read(handle, content.AsSpan(read), read) is var n and > 0)
            {
                read += n;
            }

            // One byte more than the size said means the file grew while it was read: its size no longer bounds it.
            Span<byte> beyond = stackalloc byte[1];
            if (read == content.Length && RandomAccess.Read(handle, beyond, read) > 0)
            {
                return SubmittedFile.Refused(name, "it changed while the grader read it: submit it again");
            }

            return new SubmittedFile(name, SubmittedFileStatus.Read, read == content.Length ? content : content[..read], null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return SubmittedFile.Refused(name, $"it could not be read ({e.Message})");
        }
    }

    private static (FileKind Kind, long Size, int Errno) Examine(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            return PosixFiles.LStat(path);
        }

        // Windows has no pipes or devices among a folder's files; a link or junction is a reparse point.
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path) && info.LinkTarget is null)
        {
            return (FileKind.Missing, 0, 0);
        }

        return info.Attributes.HasFlag(FileAttributes.ReparsePoint) ? (FileKind.SymbolicLink, 0, 0)
            : info.Attributes.HasFlag(FileAttributes.Directory) ? (FileKind.Directory, 0, 0)
            : (FileKind.Regular, info.Length, 0);
    }

    private static SafeFileHandle? OpenNoFollow(string path, out int errno)
    {
        errno = 0;
        if (!OperatingSystem.IsWindows() && PosixFiles.TryOpenNoFollow(path, out SafeFileHandle? handle, out errno))
        {
            return handle;
        }

        // Windows, or a Unix whose open flags are not known: the entry was a regular file a moment ago (see PosixFiles).
        return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
    }

    private static string Describe(FileKind kind) => kind == FileKind.SymbolicLink
        ? "it is a symbolic link, and the grader follows no links: submit the notebook file itself"
        : $"it is {Noun(kind)}, not a notebook file";

    private static string Noun(FileKind kind) => kind switch
    {
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Directory => "a folder",
        FileKind.NamedPipe => "a named pipe (FIFO)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "neither a regular file nor a folder",
    };

    // A name is the student's: shown in a message, it must not break the line it is on.
    private static string Printable(string name) => string.Concat(name.Select(c => char.IsControl(c) ? '?' : c));

    private static string TooLarge(long size) => string.Create(CultureInfo.InvariantCulture,
        $"it is {size:N0} bytes, more than the {MaxNotebookBytes:N0} bytes ({MaxNotebookBytes >> 20} MB) a notebook may have: clear its outputs and submit it again");

    private static string ErrorText(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}
