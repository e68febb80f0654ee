using Course.Autograder;
using Course.Autograder.Preparation;
using Course.Grading.Output;
using Course.Grading.Results;
using Course.Grading.Running;
using Course.Notebooks.Files;

namespace Course.Cli.Gradescope;

/// <summary>
/// What <c>run_autograder</c> does on Gradescope, for one submission: grade <c>ROOT/submission</c> exactly as
/// <c>course grade</c> grades one folder (the same command, in this process, with the package's notebooks and
/// settings), then write its result in Gradescope's format to <c>ROOT/results/results.json</c>. Whatever goes wrong,
/// a results.json is written that says so: Gradescope shows students nothing useful without one.
/// </summary>
public static class GradescopeRun
{
    /// <summary>Gradescope's root folder.</summary>
    public const string DefaultRoot = "/autograder";

    /// <summary>Grades the submission under <paramref name="root"/>.</summary>
    /// <param name="root">Gradescope's root: <c>source/</c> (the unpacked package), <c>submission/</c>, <c>results/</c>.</param>
    /// <param name="log">Where grading's progress goes (Gradescope keeps it for the instructor, not for students).</param>
    /// <param name="cancellationToken">Stops grading.</param>
    /// <returns>What was graded, or null when grading failed (results.json then says why).</returns>
    public static async Task<SubmissionResult?> RunAsync(string root, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(log);
        root = Path.GetFullPath(root);
        string results = Path.Combine(root, "results");
        Directory.CreateDirectory(results);
        string resultsFile = Path.Combine(results, "results.json");
        string work = Directory.CreateTempSubdirectory("course-gradescope-").FullName;
        try
        {
            string source = Path.Combine(root, "source");
            var settings = GradescopeSettings.Read(Path.Combine(source, GradescopeSettings.FileName));
            string notebooks = Path.Combine(source, GradescopePackage.SourceFolder);
            var module = ModuleNotebooks.Load(notebooks);
            string submission = SubmissionFolder(Path.Combine(root, "submission"), module.Names);
            await log.WriteLineAsync($"Grading {submission} with the notebooks in {notebooks}.");
            string output = Path.Combine(work, "out");
            string[] account = await RunnerAccountArguments(settings, work, results, log);
            int code = await CourseCommand.InvokeAsync(
                ["grade", "--out", output, "--source", notebooks, "--jobs", "1", "--force",
                 "--timeout", $"{settings.TimeoutSeconds}", "--memory", $"{settings.MemoryMegabytes}", .. account, "--", submission],
                log, log, cancellationToken);
            var result = ResultJson.TryRead(GradingRun.ResultPath(output, SubmissionGrader.StudentIdOf(submission)));
            if (code != 0 || result is null)
            {
                Fail(resultsFile, $"course grade ended with exit code {code}{(result is null ? " and no result" : "")}", log);
                return null;
            }

            AtomicFile.WriteAllText(resultsFile, GradescopeWriter.ToJson(result, settings.HiddenVisibility));
            return result;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            Fail(resultsFile, e.Message, log);
            return null;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// The folder to grade: <paramref name="submission"/> itself, or, when it holds none of the module's notebooks but
    /// exactly one folder that does (a student who uploaded a zip of their folder), that folder.
    /// </summary>
    /// <param name="submission">Gradescope's submission folder.</param>
    /// <param name="notebookNames">The module's notebooks.</param>
    /// <returns>The folder to grade.</returns>
    public static string SubmissionFolder(string submission, IReadOnlyList<string> notebookNames)
    {
        ArgumentNullException.ThrowIfNull(notebookNames);
        if (!Directory.Exists(submission) || HoldsNotebook(submission, notebookNames))
        {
            return submission;
        }

        // Links are left to grading, which refuses a linked submission with its reason rather than following it.
        var inner = new DirectoryInfo(submission).GetDirectories()
            .Where(d => d.Name != "__MACOSX" && d.LinkTarget is null && HoldsNotebook(d.FullName, notebookNames))
            .ToArray();
        return inner.Length == 1 ? inner[0].FullName : submission;
    }

    // The package's runner account, when grading runs as root and setup.sh made it: course grade uses it if there is no
    // sandbox. The account must be able to search down to its grading folder, inside this run's private folder, and
    // must not write the results folder, which Gradescope makes.
    private static async Task<string[]> RunnerAccountArguments(GradescopeSettings settings, string work, string results, TextWriter log)
    {
        if (string.IsNullOrEmpty(settings.RunnerAccount))
        {
            return [];
        }

        if (!Environment.IsPrivilegedProcess || !OperatingSystem.IsLinux()
            || !File.ReadLines("/etc/passwd").Any(l => l.StartsWith(settings.RunnerAccount + ":", StringComparison.Ordinal)))
        {
            await log.WriteLineAsync($"No runner account '{settings.RunnerAccount}' (or not root): without a sandbox, submissions' code runs as {Environment.UserName}.");
            return [];
        }

        const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        File.SetUnixFileMode(work, Owner | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(results, Owner | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return ["--runner-user", settings.RunnerAccount];
    }

    private static bool HoldsNotebook(string folder, IReadOnlyList<string> notebookNames) =>
        notebookNames.Any(n => SubmissionFiles.Exists(Path.Combine(folder, n)));

    // A results.json that tells the student grading failed, scoring nothing; the instructor sees the reason in the log.
    private static void Fail(string resultsFile, string reason, TextWriter log)
    {
        log.WriteLine($"course gradescope run: grading failed: {reason}");
        string json = new System.Text.Json.Nodes.JsonObject
        {
            ["score"] = 0,
            ["output"] = "The autograder could not grade this submission. Your instructor can see why in the autograder's output; please tell them.",
            ["tests"] = new System.Text.Json.Nodes.JsonArray(),
        }.ToJsonString();
        AtomicFile.WriteAllText(resultsFile, json);
    }
}
