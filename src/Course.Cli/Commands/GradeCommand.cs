using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Course.Autograder;
using Course.Autograder.Boundary;
using Course.Autograder.Preparation;
using Course.Grading.Archives;
using Course.Grading.LateSubmissions;
using Course.Grading.Output;
using Course.Grading.Results;
using Course.Grading.Running;
using Course.Grading.Sandboxing;
using Course.Notebooks.Format;
using Course.Specs;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course grade</c>: grades a class of submissions, each in its own process with time and memory
/// limits, and writes the gradebook, per-student feedback, Gradescope results and a class summary.
/// With no submissions named it grades the bundled samples in <c>autograder/samples</c>.
/// </summary>
/// <remarks>
/// Each submission is prepared here (locked cells restored from the instructor's sources) and only the prepared
/// copy is handed to its runner (<c>runner/course-runner</c>), which runs the student's code in a bubblewrap sandbox
/// where bwrap works, with libraries that hold no reference answer. Every check runs here, against the runner
/// through the grading boundary, so the score comes from nothing the runner writes. Without bwrap, grading still
/// works and says prominently that it ran unsandboxed (docs/SANDBOX.md).
/// <para>Exit codes: 0 graded; 1 graded, but a submission had no notebook of the module that could run (an empty folder,
/// a broken notebook: its row shows 0 and why); 2 nothing graded: an argument is no submission (each named on a line of
/// its own), two submissions would share a student id, or an option is wrong.</para>
/// </remarks>
public static class GradeCommand
{
    /// <summary>The default output folder.</summary>
    public const string DefaultOutputDirectory = "out/grades";

    /// <summary>Builds the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var submissions = new Argument<string[]>("SUBMISSION")
        {
            Description = "Students' folders of notebooks (or single notebooks), or zips of a class as Canvas or Moodle export them (docs/GRADESCOPE.md). Default: every sample in autograder/samples.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string>("--out", "-o") { Description = "Folder for the gradebook, feedback and results.", DefaultValueFactory = _ => DefaultOutputDirectory, HelpName = "DIR" };
        var force = new Option<bool>("--force") { Description = "Grade again even submissions that have not changed since the last run." };
        var source = new Option<string?>("--source") { Description = "The instructor's source notebooks (default: notebooks/source).", HelpName = "DIR" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds one submission may take before it is stopped.", DefaultValueFactory = _ => 300, HelpName = "SECONDS" };
        var memory = new Option<int>("--memory") { Description = "Megabytes of managed memory one submission may use.", DefaultValueFactory = _ => 2048, HelpName = "MB" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Submissions graded at once, each in its own process (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "N" };
        var cpuTime = new Option<int?>("--cpu-time") { Description = "Seconds of CPU time one submission may use before it is stopped (default: twice --timeout).", HelpName = "SECONDS" };
        var noSandbox = new Option<bool>("--no-sandbox") { Description = "Run submissions without the bubblewrap sandbox (network and file system open to them); a warning says so." };
        var due = new Option<string?>("--due") { Description = "The due date, ISO 8601 with its UTC offset (2025-03-07T23:59:00+01:00): submissions from a zip stamped later are late.", HelpName = "DATE" };
        var runnerUser = new Option<string?>("--runner-user") { Description = "Without a sandbox, and as root, run each submission's code as this unprivileged account, one submission at a time (the Gradescope package does; docs/GRADESCOPE.md).", HelpName = "ACCOUNT" };
        var latePenalty = new Option<string>("--late-penalty") { Description = "What a late submission loses: none, zero, POINTS/hour, POINTS/day or PERCENT%/day (of the maximum), per started hour or day.", DefaultValueFactory = _ => "none", HelpName = "RULE" };

        var command = new Command("grade", "Grade submissions: gradebook.csv, feedback per student, Gradescope results.json and a class summary.")
        {
            submissions, output, force, source, timeout, memory, jobs, cpuTime, noSandbox, due, latePenalty, runnerUser,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (OptionNameClash.Find(parse, Directory.GetCurrentDirectory()) is { } clash)
            {
                await stderr.WriteLineAsync(clash.Message("course grade"));
                return 2;
            }

            int seconds = parse.GetValue(timeout), megabytes = parse.GetValue(memory), parallel = parse.GetValue(jobs);
            if (seconds < 1 || megabytes < 64 || parallel < 1)
            {
                await stderr.WriteLineAsync($"course grade: --timeout must be at least 1 second, --memory at least 64 MB and --jobs at least 1, but were {seconds}, {megabytes} and {parallel}.");
                return 2;
            }

            int cpuSeconds = parse.GetValue(cpuTime) ?? 2 * seconds;
            if (cpuSeconds < 1)
            {
                await stderr.WriteLineAsync($"course grade: --cpu-time must be at least 1 second, but was {cpuSeconds}.");
                return 2;
            }

            LatePolicy? policy;
            try
            {
                var penalty = LatePenalty.Parse(parse.GetValue(latePenalty) ?? "none");
                policy = parse.GetValue(due) is { } dueText ? new LatePolicy(LatePolicy.ParseDue(dueText), penalty)
                    : penalty == LatePenalty.None ? null
                    : throw new FormatException($"--late-penalty {penalty} needs --due, the date it counts from.");
            }
            catch (FormatException e)
            {
                await stderr.WriteLineAsync($"course grade: {TerminalText.Escape(e.Message)}");
                return 2;
            }

            RunnerAccount? account = null;
            if (parse.GetValue(runnerUser) is { } accountName)
            {
                // One account for every runner: submissions graded side by side could reach each other's folders.
                if (parallel != 1 && parse.GetResult(jobs) is { Implicit: false })
                {
                    await stderr.WriteLineAsync($"course grade: --runner-user grades one submission at a time, but --jobs was {parallel}.");
                    return 2;
                }

                parallel = 1;
                try
                {
                    account = RunnerAccount.Resolve(accountName);
                }
                catch (InvalidOperationException e)
                {
                    await stderr.WriteLineAsync($"course grade: --runner-user: {TerminalText.Escape(e.Message)}");
                    return 2;
                }
            }

            string sourceDir = Path.GetFullPath(parse.GetValue(source) ?? CourseTree.Path("notebooks", "source"));
            ModuleNotebooks module;
            try
            {
                module = ModuleNotebooks.Load(sourceDir);
            }
            catch (Exception e) when (e is DirectoryNotFoundException or NotebookFormatException)
            {
                await stderr.WriteLineAsync($"course grade: --source: {e.Message}");
                return 2;
            }

            string[] given = parse.GetValue(submissions) ?? [];
            ClassArchives archives;
            try
            {
                archives = ClassArchives.Expand(given.Length > 0 ? given : Samples(), module.Names);
            }
            catch (IOException e)
            {
                await stderr.WriteLineAsync($"course grade: {e.Message}");
                return 2;
            }

            using var extracted = archives;
            foreach (string note in archives.Notes)
            {
                await stdout.WriteLineAsync(note);
            }

            // Every argument that cannot be a submission is refused before anything is graded, one line each; a folder
            // of submission folders is graded as its folders, and the run says so.
            var resolved = SubmissionArguments.Resolve([.. archives.Submissions], module.Names);
            if (resolved.Errors.Count > 0)
            {
                foreach (string error in resolved.Errors)
                {
                    await stderr.WriteLineAsync($"course grade: {error}");
                }

                return 2;
            }

            foreach (string note in resolved.Notes)
            {
                await stdout.WriteLineAsync(note);
            }

            var paths = resolved.Submissions;
            string outDir = Path.GetFullPath(parse.GetValue(output) ?? DefaultOutputDirectory);
            string runner = RunnerFolder();
            if (!File.Exists(Path.Combine(runner, "course-runner.dll")) || !Directory.Exists(Path.Combine(runner, "lib")))
            {
                await stderr.WriteLineAsync($"course grade: the grading runner is not laid out in {runner}; build src/Course.Cli again (dotnet build src/Course.Cli).");
                return 2;
            }

            try
            {
                Directory.CreateDirectory(outDir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"course grade: --out {TerminalText.Escape(outDir)} cannot be made a folder: {e.Message}");
                return 2;
            }

            var sandbox = parse.GetValue(noSandbox)
                ? SandboxDetection.Unavailable("--no-sandbox was given")
                : Sandbox.Detect(readOnlyFolders: [.. Sandbox.RuntimeFolders(), runner]);
            try
            {
                sandbox.Sandbox?.CheckWritableFolder(outDir);
            }
            catch (ArgumentException e)
            {
                await stderr.WriteLineAsync($"course grade: --out {outDir} cannot hold sandboxed grading folders. {e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal)}");
                return 2;
            }

            // The account is the fallback for a missing sandbox; inside bubblewrap (no capabilities) setpriv could not switch anyway.
            var runnerAccount = sandbox.IsAvailable ? null : account;
            try
            {
                runnerAccount?.CheckCanReach(outDir);
            }
            catch (InvalidOperationException e)
            {
                await stderr.WriteLineAsync($"course grade: --runner-user: {e.Message}");
                return 2;
            }

            var grader = new GraderOptions { Sandboxed = sandbox.IsAvailable };
            var prepared = new System.Collections.Concurrent.ConcurrentDictionary<string, PreparedSubmission>(StringComparer.Ordinal);
            var run = new GradingRun(new GradingRunOptions
            {
                OutputDirectory = outDir,
                Notebooks = module.Names,
                Force = parse.GetValue(force),
                Parallelism = parallel,
                WallTimeLimit = TimeSpan.FromSeconds(seconds),
                MemoryLimitBytes = (long)megabytes << 20,
                CpuTimeLimit = TimeSpan.FromSeconds(cpuSeconds),
                Sandbox = sandbox.Sandbox,
                UnsandboxedReason = runnerAccount is null ? sandbox.Reason : $"{sandbox.Reason}; runners run as the unprivileged account '{runnerAccount.Name}'",
                Warnings = stderr,
                Fingerprint = path => SubmissionHash.Of(module, path),
                NotebooksOf = path => SubmissionFiles.NotebooksGradedIn(path, module.Names),
                AllChecks = ModuleSpecs.All.Select(s => CheckPass.Unrun(s, module.NotebookOf(s.GradeId) ?? "")).ToArray(),
                StartRunner = (submission, grading) =>
                {
                    // What the previous submission left running as the account ends before this one's folder is given to it.
                    runnerAccount?.EndProcesses();
                    var start = RemoteGrader.Prepare(module, submission, grading, runner, grader, out var submissionPrepared);
                    prepared[grading] = submissionPrepared;
                    return runnerAccount?.Wrap(start, grading) ?? start;
                },
                Grade = session => RemoteGrader.GradeAsync(session, prepared.TryRemove(session.GradingFolder, out var p) ? p : throw new InvalidOperationException($"{session.GradingFolder} was not prepared."), grader),
                Lateness = archives.LatenessUnder(policy),
            });

            await stdout.WriteLineAsync($"Grading {paths.Count} submission(s) into {outDir}, one process each (limits: {seconds} s wall time, {cpuSeconds} s CPU time, {megabytes} MB; "
                + (sandbox.IsAvailable ? $"sandbox: {sandbox.Reason})." : "UNSANDBOXED)."));
            var clock = Stopwatch.StartNew();
            IReadOnlyList<SubmissionResult> results;
            try
            {
                results = await run.RunAsync(paths, SubmissionGrader.StudentIdOf,
                    p => stdout.WriteLine(TerminalReport.ProgressLine(p)), cancellationToken);
            }
            catch (ArgumentException e) when (e.ParamName is "submissions" or "studentIdOf" or "studentIds")
            {
                // Two submissions with one student id, or one with none: the class must be told which, not shown a stack trace.
                await stderr.WriteLineAsync($"course grade: {e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal)}");
                return 2;
            }
            finally
            {
                runnerAccount?.EndProcesses();
            }

            await stdout.WriteLineAsync();
            await stdout.WriteAsync(TerminalReport.Table(results));
            if (policy is not null && archives.WithoutTimestamp(results.Select(r => r.StudentId)) is > 0 and var untimed)
            {
                await stdout.WriteLineAsync($"{untimed} submission(s) have no submission time (only zips carry one): no late penalty applies to them.");
            }

            if (run.KeptFromEarlierRuns > 0)
            {
                await stdout.WriteLineAsync($"The gradebook also keeps the {run.KeptFromEarlierRuns} other student(s) whose results earlier runs left in {outDir} (delete a student's folder there to remove them).");
            }

            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Graded in {clock.Elapsed.TotalSeconds:0.0} s. Gradebook: {Path.Combine(outDir, GradebookWriter.FileName)}; summary: {Path.Combine(outDir, ClassSummaryWriter.FileName)}."));
            // Graded, with 0 points, but likely not what was meant: said, and the exit code says it too.
            var nothing = SubmissionArguments.NothingToGrade(results);
            if (nothing.Count > 0)
            {
                await stderr.WriteLineAsync($"course grade: {nothing.Count} submission(s) had no notebook of the module that could be run, and scored 0: "
                    + string.Join("; ", nothing.Select(r => $"{TerminalText.Escape(r.StudentId)} ({TerminalText.Escape(StatusWords.Of(r.Status))})")) + ".");
                return 1;
            }

            return 0;
        });
        return command;
    }

    private static string[] Samples()
    {
        string folder = CourseTree.Path("autograder", "samples");
        return Directory.Exists(folder) ? Directory.GetDirectories(folder).Order(StringComparer.Ordinal).ToArray() : [];
    }

    /// <summary>The grading runner's folder: <c>runner/</c> beside this program (the build lays it out).</summary>
    /// <returns>Its full path.</returns>
    public static string RunnerFolder() => Path.Combine(AppContext.BaseDirectory, "runner");
}
