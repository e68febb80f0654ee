namespace Course.Kernel.Specs;

/// <summary>
/// Where <c>course kernel install</c> and <c>uninstall</c> work: Jupyter's per-user folder (<c>--user</c>, the
/// default) or <c>PREFIX/share/jupyter/kernels</c> (<c>--prefix</c>), checked before anything is touched so that a
/// mistake is one line rather than an exception from deep in a file system call.
/// </summary>
public static class KernelSpecLocation
{
    /// <summary>Checks the choice of place.</summary>
    /// <param name="user">Whether <c>--user</c> was given.</param>
    /// <param name="prefix">The <c>--prefix</c> folder, or null.</param>
    /// <returns>The prefix to install under, or null for the user's folder.</returns>
    /// <exception cref="ArgumentException">Both were given, the prefix is empty, or a file is where a folder of the path must be (the message says which).</exception>
    public static string? Check(bool user, string? prefix)
    {
        if (user && prefix is not null)
        {
            throw new ArgumentException("choose either --user or --prefix, not both.");
        }

        if (prefix is { Length: 0 })
        {
            throw new ArgumentException("--prefix needs a folder.");
        }

        if (prefix is not null && FileInTheWay(Path.GetFullPath(prefix)) is { } file)
        {
            throw new ArgumentException(file == Path.GetFullPath(prefix)
                ? $"--prefix '{prefix}' is a file; it must be a folder (it is created if missing)."
                : $"--prefix '{prefix}' cannot hold share/jupyter/kernels: '{file}' is a file.");
        }

        return prefix;
    }

    // The first of PREFIX, PREFIX/share, PREFIX/share/jupyter and PREFIX/share/jupyter/kernels that is a file, or null.
    private static string? FileInTheWay(string prefix) =>
        new[] { prefix, Path.Combine(prefix, "share"), Path.Combine(prefix, "share", "jupyter"), Path.Combine(prefix, "share", "jupyter", "kernels") }
            .FirstOrDefault(File.Exists);
}
