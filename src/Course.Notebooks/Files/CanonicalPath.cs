namespace Course.Notebooks.Files;

/// <summary>
/// The one name of a file or folder: its full path, without a trailing separator, with symbolic links followed. Two
/// spellings of the same place (a relative path, a link) compare equal, so a command can refuse to write over one of
/// its inputs however the input was named.
/// </summary>
public static class CanonicalPath
{
    /// <summary>The canonical form of a path; a path that does not exist yet is its full path.</summary>
    /// <param name="path">A file or folder, relative to the current folder or absolute.</param>
    /// <returns>The full path, links followed where they can be.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static string Of(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        try
        {
            FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
            return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            // A link that cannot be followed (a loop, a target gone) names itself.
            return full;
        }
    }
}
