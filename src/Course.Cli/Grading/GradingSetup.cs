using Course.Autograder;
using Course.Autograder.Grading;
using Course.Autograder.Preparation;
using Course.Cli.Commands;
using Course.Grading.Output;
using Course.Grading.Sandboxing;
using Course.Notebooks.Format;

namespace Course.Cli.Grading;

/// <summary>
/// The steps of <c>course grade</c> before anything is graded, in the order <see cref="ClassGrading"/> takes them: each
/// returns what grading needs or refuses (<see cref="GradeRefusedException"/>) with the line the user is told.
/// </summary>
public static class GradingSetup
{
    /// <summary>The runner account, resolved; one account for every runner means one submission at a time.</summary>
    /// <param name="name">The account's name; null for none.</param>
    /// <param name="jobs">The jobs asked for.</param>
    /// <param name="jobsGiven">Whether <c>--jobs</c> was given (not its default).</param>
    /// <returns>The account (null for none) and the jobs to grade with.</returns>
    /// <exception cref="GradeRefusedException">More than one job was asked for with an account, or there is no such account.</exception>
    public static (RunnerAccount? Account, int Jobs) Account(string? name, int jobs, bool jobsGiven)
    {
        if (name is null)
        {
            return (null, jobs);
        }

        // One account for every runner: submissions graded side by side could reach each other's folders.
        if (jobs != 1 && jobsGiven)
        {
            throw new GradeRefusedException($"--runner-user grades one submission at a time, but --jobs was {jobs}.");
        }

        try
        {
            return (RunnerAccount.Resolve(name), 1);
        }
        catch (InvalidOperationException e)
        {
            throw new GradeRefusedException($"--runner-user: {TerminalText.Escape(e.Message)}", e);
        }
    }

    /// <summary>The instructor's notebooks.</summary>
    /// <param name="sourceDirectory">Their folder, as given; null for the course tree's.</param>
    /// <returns>The module.</returns>
    /// <exception cref="GradeRefusedException">The folder is missing or a notebook in it is malformed.</exception>
    public static ModuleNotebooks Module(string? sourceDirectory)
    {
        try
        {
            return ModuleNotebooks.Load(Path.GetFullPath(sourceDirectory ?? CourseTree.Path("notebooks", "source")));
        }
        catch (Exception e) when (e is DirectoryNotFoundException or NotebookFormatException)
        {
            throw new GradeRefusedException($"--source: {e.Message}", e);
        }
    }

    /// <summary>The submissions with every LMS zip among them extracted; with none given, the bundled samples.</summary>
    /// <param name="given">The submissions as given.</param>
    /// <param name="module">The module.</param>
    /// <returns>The extracted archives (dispose to remove them).</returns>
    /// <exception cref="GradeRefusedException">A zip is refused.</exception>
    public static ClassArchives Archives(IReadOnlyList<string> given, ModuleNotebooks module)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(module);
        try
        {
            return ClassArchives.Expand(given.Count > 0 ? given : Samples(), module.Names);
        }
        catch (IOException e)
        {
            throw new GradeRefusedException(e.Message, e);
        }
    }

    /// <summary>
    /// What is graded, decided by names alone: every argument that cannot be a submission is refused, one line each; a
    /// folder of submission folders is graded as its folders.
    /// </summary>
    /// <param name="submissions">The submissions, zips extracted.</param>
    /// <param name="module">The module.</param>
    /// <returns>The resolution, with its notes for the user.</returns>
    /// <exception cref="GradeRefusedException">Some argument is no submission, or two share a student id.</exception>
    public static SubmissionArguments Submissions(IReadOnlyList<string> submissions, ModuleNotebooks module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var resolved = SubmissionArguments.Resolve([.. submissions], module.Names);
        return resolved.Errors.Count > 0 ? throw new GradeRefusedException(resolved.Errors) : resolved;
    }

    /// <summary>The runner the build laid out beside this program.</summary>
    /// <param name="runner">The runner.</param>
    /// <returns><paramref name="runner"/>.</returns>
    /// <exception cref="GradeRefusedException">It is not laid out.</exception>
    public static RunnerProgram Runner(RunnerProgram runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        return runner.IsLaidOut ? runner
            : throw new GradeRefusedException($"the grading runner is not laid out in {runner.Folder}; build src/Course.Cli again (dotnet build src/Course.Cli).");
    }

    /// <summary>The output folder, made.</summary>
    /// <param name="outputDirectory">As given.</param>
    /// <returns>Its full path.</returns>
    /// <exception cref="GradeRefusedException">It cannot be made a folder.</exception>
    public static string OutputFolder(string outputDirectory)
    {
        string full = Path.GetFullPath(outputDirectory);
        try
        {
            Directory.CreateDirectory(full);
            return full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GradeRefusedException($"--out {TerminalText.Escape(full)} cannot be made a folder: {e.Message}", e);
        }
    }

    /// <summary>The sandbox: bubblewrap, tried in exactly the runners' layout, unless <paramref name="noSandbox"/>.</summary>
    /// <param name="noSandbox">Whether <c>--no-sandbox</c> was given.</param>
    /// <param name="runner">The runner, mounted read-only.</param>
    /// <param name="outputDirectory">The output folder, which holds the writable grading folders.</param>
    /// <returns>What was found.</returns>
    /// <exception cref="GradeRefusedException">The output folder cannot hold sandboxed grading folders.</exception>
    public static SandboxDetection Sandbox(bool noSandbox, RunnerProgram runner, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var sandbox = noSandbox
            ? SandboxDetection.Unavailable("--no-sandbox was given")
            : Course.Grading.Sandboxing.Sandbox.Detect(readOnlyFolders: [.. Course.Grading.Sandboxing.Sandbox.RuntimeFolders(), runner.Folder]);
        try
        {
            sandbox.Sandbox?.CheckWritableFolder(outputDirectory);
            return sandbox;
        }
        catch (ArgumentException e)
        {
            throw new GradeRefusedException($"--out {outputDirectory} cannot hold sandboxed grading folders. {e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal)}", e);
        }
    }

    /// <summary>
    /// The account runners run as: the fallback for a missing sandbox only (inside bubblewrap, with no capabilities,
    /// setpriv could not switch anyway).
    /// </summary>
    /// <param name="sandbox">The sandbox found.</param>
    /// <param name="account">The account asked for; null for none.</param>
    /// <param name="outputDirectory">The output folder, which the account must reach.</param>
    /// <returns>The account to use, or null.</returns>
    /// <exception cref="GradeRefusedException">The account cannot reach the output folder.</exception>
    public static RunnerAccount? AccountFor(SandboxDetection sandbox, RunnerAccount? account, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var used = sandbox.IsAvailable ? null : account;
        try
        {
            used?.CheckCanReach(outputDirectory);
            return used;
        }
        catch (InvalidOperationException e)
        {
            throw new GradeRefusedException($"--runner-user: {e.Message}", e);
        }
    }

    private static string[] Samples()
    {
        string folder = CourseTree.Path("autograder", "samples");
        return Directory.Exists(folder) ? Directory.GetDirectories(folder).Order(StringComparer.Ordinal).ToArray() : [];
    }
}
