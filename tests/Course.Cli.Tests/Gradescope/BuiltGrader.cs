namespace Course.Cli.Tests.Gradescope;

/// <summary>The grader as the build of src/Course.Cli lays it out, in the configuration these tests were built in.</summary>
internal static class BuiltGrader
{
    /// <summary>src/Course.Cli/bin/CONFIGURATION/net10.0: course.dll, its libraries and runner/.</summary>
    public static string Folder
    {
        get
        {
            // .../tests/Course.Cli.Tests/bin/<Configuration>/<framework>/
            var framework = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
            string configuration = framework.Parent!.Name;
            string folder = Path.Combine(CourseTree.Root(), "src", "Course.Cli", "bin", configuration, framework.Name);
            Assert.True(File.Exists(Path.Combine(folder, "course.dll")), $"The grader is not built in {folder}.");
            return folder;
        }
    }

    /// <summary>A copy of the grader, to doctor.</summary>
    /// <param name="target">The folder to copy it to.</param>
    /// <returns>The copy.</returns>
    public static string CopyTo(string target)
    {
        foreach (string file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(target, Path.GetRelativePath(Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }
}
