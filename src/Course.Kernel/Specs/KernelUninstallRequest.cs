namespace Course.Kernel.Specs;

/// <summary>
/// A <c>course kernel uninstall</c>: removes the kernelspec with <see cref="KernelSpecInstaller.Uninstall"/>, a file
/// system failure being a refusal with its reason rather than an exception.
/// </summary>
/// <param name="Name">The kernel name.</param>
/// <param name="Prefix">The prefix it was installed under; null for the user's data folder.</param>
public sealed record KernelUninstallRequest(string Name, string? Prefix)
{
    /// <summary>Removes the kernelspec, if this kit wrote it.</summary>
    /// <returns>What happened, or why it was refused.</returns>
    public KernelSpecResult Run()
    {
        try
        {
            return KernelSpecInstaller.Uninstall(Name, Prefix);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return new KernelSpecResult(false, Path.Combine(KernelSpecInstaller.KernelsDirectory(Prefix), Name), $"could not remove the kernelspec: {error.Message}");
        }
    }
}
