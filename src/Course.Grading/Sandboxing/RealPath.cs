namespace Course.Grading.Sandboxing;

/// <summary>
/// Paths with every symbolic link resolved, like realpath(3): bwrap mounts by path inside a new root
/// where the host's links may point elsewhere or nowhere, so folders are bound at their real place.
/// </summary>
internal static class RealPath
{
    /// <summary>The absolute path of <paramref name="path"/> with every link along it resolved (the rest need not exist).</summary>
    /// <param name="path">A path.</param>
    /// <returns>The resolved path, without a trailing separator (except the root).</returns>
    /// <exception cref="IOException">The links form a loop.</exception>
    public static string Of(string path) => Resolve(Path.GetFullPath(path), 0);

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies inside it (both absolute, already resolved).</summary>
    /// <param name="path">The path.</param>
    /// <param name="folder">The folder.</param>
    /// <returns>True when inside or equal.</returns>
    public static bool IsWithin(string path, string folder)
    {
        string p = Path.TrimEndingDirectorySeparator(path), f = Path.TrimEndingDirectorySeparator(folder);
        return f == "/" || p == f || p.StartsWith(f + "/", StringComparison.Ordinal);
    }

    private static string Resolve(string full, int depth)
    {
        if (depth > 40)
        {
            throw new IOException($"Too many levels of symbolic links resolving '{full}'.");
        }

        string current = "/";
        string[] parts = full.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            string next = Path.Combine(current, parts[i]);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                string linked = Path.GetFullPath(target, current);
                string rest = string.Join('/', parts[(i + 1)..]);
                return Resolve(rest.Length > 0 ? Path.Combine(linked, rest) : linked, depth + 1);
            }

            current = next;
        }

        return current;
    }
}
