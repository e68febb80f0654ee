using System.Diagnostics;

namespace Course.Cli.Tests;

/// <summary>The `course` command in a fresh process of its own, as CI and instructors run it.</summary>
public static class CourseProcess
{
    /// <summary>Runs <c>dotnet course.dll ARGS</c> in the repository's root.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code, and what it printed (stdout, then stderr).</returns>
    public static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = CourseTree.Root() };
        start.ArgumentList.Add(typeof(CourseCommand).Assembly.Location);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + stderr);
    }
}
