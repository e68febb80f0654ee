namespace Course.Notebooks.Files;

/// <summary>
/// Finds the course repository: the folder holding <c>Course.sln</c>, at or above a starting folder. The kit's one
/// search for it, used by the CLI's defaults, the real kernel's locator and the tests.
/// </summary>
public static class CourseRepository
{
    /// <summary>The file that marks the repository's root.</summary>
    public const string MarkerFile = "Course.sln";

    /// <summary>The repository root at or above <paramref name="start"/>, or null when it is not inside one.</summary>
    /// <param name="start">The folder to search upward from.</param>
    /// <returns>The root's full path, or null.</returns>
    public static string? FindAbove(string start)
    {
        ArgumentException.ThrowIfNullOrEmpty(start);
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, MarkerFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
