using System.Diagnostics;
using Course.TestSupport;

namespace Benchmarks.Grading;

/// <summary>
/// The built <c>course</c> command, run as an instructor runs it: in a process of its own, from the repository root.
/// The grading benchmarks measure the kit as shipped, so they use a build of src/Course.Cli (Release when there is one).
/// </summary>
internal static class CourseCommandLine
{
    /// <summary>The repository's root: the folder holding Course.sln, above this program.</summary>
    public static string Root { get; } = RepositoryFolder.Root();

    /// <summary>The built course.dll, Release preferred.</summary>
    /// <returns>Its path.</returns>
    /// <exception cref="InvalidOperationException">Neither build exists.</exception>
    public static string Program()
    {
        foreach (string configuration in new[] { "Release", "Debug" })
        {
            string path = Path.Combine(Root, "src", "Course.Cli", "bin", configuration, "net10.0", "course.dll");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException($"No build of src/Course.Cli under {Root}: run `dotnet build src/Course.Cli -c Release` first.");
    }

    /// <summary>Runs <c>course ARGS</c> to its end.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code and everything it printed.</returns>
    public static (int ExitCode, string Output) Run(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        start.ArgumentList.Add(Program());
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }
}
