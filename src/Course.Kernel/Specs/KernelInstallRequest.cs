namespace Course.Kernel.Specs;

/// <summary>
/// A <c>course kernel install</c>: writes the kernelspec with <see cref="KernelSpecInstaller.Install"/>, a file system
/// failure (a read-only folder, no permission) being a refusal with its reason rather than an exception.
/// </summary>
/// <param name="Name">The kernel name.</param>
/// <param name="DisplayName">The name Jupyter's kernel picker shows.</param>
/// <param name="Argv">The command that starts the kernel (<see cref="KernelLaunch.Argv"/>).</param>
/// <param name="Prefix">Install under <c>PREFIX/share/jupyter</c>; null for the user's data folder.</param>
public sealed record KernelInstallRequest(string Name, string DisplayName, IReadOnlyList<string> Argv, string? Prefix)
{
    /// <summary>Installs the kernelspec.</summary>
    /// <returns>What happened, or why it was refused.</returns>
    public KernelSpecResult Run()
    {
        try
        {
            return KernelSpecInstaller.Install(Name, DisplayName, Argv, Prefix);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return new KernelSpecResult(false, Path.Combine(KernelSpecInstaller.KernelsDirectory(Prefix), Name), $"could not write the kernelspec: {error.Message}");
        }
    }

    /// <summary>
    /// What a successful install tells the user: what was installed, the command it starts, and, under a prefix, the
    /// folder Jupyter must be shown.
    /// </summary>
    /// <param name="result">The install's result.</param>
    /// <returns>The lines.</returns>
    public IEnumerable<string> Report(KernelSpecResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        yield return result.Message;
        yield return $"It starts: {string.Join(' ', Argv)}";
        if (Prefix is not null)
        {
            yield return $"Jupyter finds it when {Path.Combine(Path.GetFullPath(Prefix), "share", "jupyter")} is on JUPYTER_PATH (or is the prefix of the Python environment that runs Jupyter).";
        }
    }
}
