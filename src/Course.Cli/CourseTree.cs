using Course.Notebooks.Files;

namespace Course.Cli;

/// <summary>
/// Finds the course repository (the folder holding <c>Course.sln</c>) so that commands can default to
/// its notebooks, samples and libraries wherever they are started from.
/// </summary>
public static class CourseTree
{
    /// <summary>The repository root: searched upward from the current folder, then from the program's own folder.</summary>
    /// <returns>The root folder.</returns>
    /// <exception cref="DirectoryNotFoundException">Neither place is inside a course repository.</exception>
    public static string Root() =>
        FindRoot()
        ?? throw new DirectoryNotFoundException(
            "Could not find the course repository (a folder with Course.sln) above the current folder or the program; pass the paths explicitly.");

    /// <summary>A path under the repository root.</summary>
    /// <param name="parts">The path's parts below the root.</param>
    /// <returns>The full path.</returns>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root(), .. parts]);

    /// <summary>A path under the repository root, or null when there is no repository in view (as in the grading sandbox).</summary>
    /// <param name="parts">The path's parts below the root.</param>
    /// <returns>The full path, or null.</returns>
    public static string? TryPath(params string[] parts) =>
        FindRoot() is { } root ? System.IO.Path.Combine([root, .. parts]) : null;

    private static string? FindRoot() =>
        CourseRepository.FindAbove(Directory.GetCurrentDirectory()) ?? CourseRepository.FindAbove(AppContext.BaseDirectory);
}
