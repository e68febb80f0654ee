using Course.Notebooks.Files;

namespace Course.TestSupport;

/// <summary>The course repository the tests were built from.</summary>
public static class RepositoryFolder
{
    /// <summary>The folder holding Course.sln, above the test assembly (found as the kit finds it, <see cref="CourseRepository"/>).</summary>
    /// <returns>Its full path.</returns>
    /// <exception cref="DirectoryNotFoundException">The tests do not run from inside a course repository.</exception>
    public static string Root() =>
        CourseRepository.FindAbove(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException($"No {CourseRepository.MarkerFile} above {AppContext.BaseDirectory}");
}
