using System.Diagnostics;

namespace Course.Autograder.Grading;

/// <summary>
/// The grading runner as the build lays it out (<c>runner/</c> beside <c>course</c>): <c>course-runner.dll</c> and the
/// withheld editions of the libraries in <c>lib/</c>, which every grading folder gets a copy of.
/// </summary>
/// <param name="Folder">The runner's folder.</param>
public sealed record RunnerProgram(string Folder)
{
    /// <summary>The runner program.</summary>
    public string Program => Path.Combine(Folder, "course-runner.dll");

    /// <summary>The libraries the graded notebooks load (the runner's editions, without reference answers).</summary>
    public string Library => Path.Combine(Folder, "lib");

    /// <summary>Whether the build laid the runner out: its program and its libraries are there.</summary>
    public bool IsLaidOut => File.Exists(Program) && Directory.Exists(Library);

    /// <summary>The runner beside this program: <c>runner/</c> in its folder.</summary>
    /// <returns>The runner.</returns>
    public static RunnerProgram BesideThisProgram() => new(Path.Combine(AppContext.BaseDirectory, "runner"));

    /// <summary>The runner's command line for a grading folder: it reads <c>submission/</c> and runs the notebooks in <c>work/</c>.</summary>
    /// <param name="folder">The grading folder, laid out by <see cref="RunnerIntake"/>.</param>
    /// <returns>The command line; the grading run adds the sandbox, the caps and the environment.</returns>
    public ProcessStartInfo StartInfo(GradingFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var start = new ProcessStartInfo(DotnetHost()) { WorkingDirectory = folder.Work.Path };
        foreach (string argument in new[] { Program, folder.Submission, folder.Work.Path })
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
