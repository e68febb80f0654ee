using System.Globalization;
using System.Text;

namespace Course.Grading.Archives;

/// <summary>
/// The checks every entry of a submissions archive passes before anything of it is written: its name (strict UTF-8,
/// no control characters, no backslash, not absolute, no drive letter, no empty, <c>.</c> or <c>..</c> segment) and
/// its kind (a regular file or a folder: no symbolic link, device, pipe or socket, nothing encrypted, a compression
/// method the grader reads).
/// </summary>
internal static class ArchiveEntryName
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The entry's name and path segments, or why it is refused (null when it passes).</summary>
    /// <param name="entry">The entry, as stored.</param>
    /// <param name="name">Its name, decoded (lenient when it is not UTF-8, for the message).</param>
    /// <param name="segments">Its path's segments.</param>
    /// <param name="isFolder">Whether it is a folder entry (its name ends with <c>/</c>).</param>
    /// <returns>Null, or why it is refused.</returns>
    public static string? Check(ZipCentralEntry entry, out string name, out string[] segments, out bool isFolder)
    {
        segments = [];
        isFolder = false;
        try
        {
            name = StrictUtf8.GetString(entry.NameBytes);
        }
        catch (DecoderFallbackException)
        {
            name = Encoding.UTF8.GetString(entry.NameBytes);
            return $"its name is not valid UTF-8 (bytes {Convert.ToHexString(entry.NameBytes.AsSpan(0, Math.Min(entry.NameBytes.Length, 64)))})";
        }

        if (name.Length == 0)
        {
            return "its name is empty";
        }

        foreach (char c in name)
        {
            // C0 (NUL and line breaks included), DEL and C1: a name is printed in terminals, logs and the gradebook.
            if (char.IsControl(c))
            {
                return string.Create(CultureInfo.InvariantCulture, $"its name holds the control character U+{(int)c:X4}");
            }
        }

        if (name.Contains('\\', StringComparison.Ordinal))
        {
            return "its name holds a backslash, which some systems read as a folder separator";
        }

        if (name.StartsWith('/'))
        {
            return "it is an absolute path";
        }

        if (name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':')
        {
            return "its name starts with a drive letter";
        }

        isFolder = name.EndsWith('/');
        segments = (isFolder ? name[..^1] : name).Split('/');
        if (segments.Any(s => s is ".." or "."))
        {
            return "its path has a '.' or '..' segment, which would lead outside the folder it is extracted to";
        }

        if (segments.Any(s => s.Length == 0))
        {
            return "its path has an empty segment";
        }

        if (segments.FirstOrDefault(s => Encoding.UTF8.GetByteCount(s) > 255) is { } longSegment)
        {
            return string.Create(CultureInfo.InvariantCulture, $"a segment of its path is {Encoding.UTF8.GetByteCount(longSegment)} bytes long, more than the 255 a file name may have");
        }

        return Kind(entry, isFolder);
    }

    // The Unix file type in the high 16 bits of the external attributes (whatever the host field says: a link is
    // refused even when the archive claims it was made elsewhere), and the Windows reparse-point attribute.
    private static string? Kind(ZipCentralEntry entry, bool isFolder)
    {
        uint type = (entry.ExternalAttributes >> 16) & 0xF000;
        string? special = type switch
        {
            0xA000 => "it is a symbolic link, and the grader follows no links",
            0x1000 => "it is a named pipe (FIFO)",
            0x2000 => "it is a character device",
            0x6000 => "it is a block device",
            0xC000 => "it is a socket",
            0x4000 when !isFolder => "it is marked as a folder but named as a file",
            0x8000 when isFolder => "it is marked as a file but named as a folder",
            0 or 0x4000 or 0x8000 => null,
            _ => string.Create(CultureInfo.InvariantCulture, $"its file type (mode {type >> 12:X}xxx) is neither a file nor a folder"),
        };
        if (special is not null)
        {
            return special;
        }

        if ((entry.ExternalAttributes & 0x400) != 0)
        {
            return "it is a link (a Windows reparse point), and the grader follows no links";
        }

        if ((entry.Flags & 1) != 0)
        {
            return "it is encrypted";
        }

        return entry.Method is 0 or 8 or 9
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"it uses compression method {entry.Method}, which the grader does not read (only stored and deflate)");
    }
}
