namespace Course.TestSupport;

/// <summary>The course repository the tests were built from.</summary>
public static class RepositoryFolder
{
    /// <summary>The folder holding Course.sln, above the test assembly.</summary>
    /// <returns>Its full path.</returns>
    /// <exception cref="DirectoryNotFoundException">The tests do not run from inside a course repository.</exception>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Course.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Course.sln above {AppContext.BaseDirectory}");
    }
}
