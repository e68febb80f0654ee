using Course.Notebooks.Files;

namespace Course.Notebooks.DotNetInteractive;

/// <summary>
/// Finds the real .NET Interactive kernel (the <c>Microsoft.dotnet-interactive</c> tool) that students run the
/// notebooks in, so the kit can check a notebook against it.
/// </summary>
/// <remarks>
/// Looked for, in order: the file named by <c>COURSE_DOTNET_INTERACTIVE</c>; the copy CI installs into the
/// repository (<c>.tools/dotnet-interactive/dotnet-interactive</c>, above the current folder or the program);
/// <c>dotnet-interactive</c> on PATH; and <c>~/.dotnet/tools</c>, where <c>dotnet tool install -g</c> puts it.
/// </remarks>
public static class DotNetInteractiveTool
{
    /// <summary>The tool version the kit is tested against (README and CI install this one).</summary>
    public const string PinnedVersion = "1.0.712001";

    /// <summary>The environment variable that names the tool's executable explicitly.</summary>
    public const string PathVariable = "COURSE_DOTNET_INTERACTIVE";

    /// <summary>The tool's folder inside the repository, as CI installs it (<c>dotnet tool install --tool-path</c>).</summary>
    public static readonly string RepositoryFolder = Path.Combine(".tools", "dotnet-interactive");

    private const string Executable = "dotnet-interactive";

    /// <summary>The tool's executable, or null when it is not installed where the kit looks.</summary>
    /// <returns>A full path, or null.</returns>
    public static string? TryFind()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } named)
        {
            return File.Exists(named) ? Path.GetFullPath(named) : null;
        }

        return Candidates().FirstOrDefault(File.Exists);
    }

    /// <summary>The tool's executable.</summary>
    /// <returns>A full path.</returns>
    /// <exception cref="FileNotFoundException">It is not installed; the message says how to install it.</exception>
    public static string Find() =>
        TryFind() ?? throw new FileNotFoundException(
            $"The .NET Interactive kernel (dotnet-interactive) was not found. Install it with "
            + $"'dotnet tool install --tool-path {RepositoryFolder} Microsoft.dotnet-interactive --version {PinnedVersion}' "
            + $"in the repository, or set {PathVariable} to its executable.");

    private static IEnumerable<string> Candidates()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            if (CourseRepository.FindAbove(start) is { } root)
            {
                yield return Path.Combine(root, RepositoryFolder, Executable);
            }
        }

        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return Path.Combine(folder, Executable);
        }

        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", Executable);
    }
}
