using System.Diagnostics;
using System.Globalization;
using Course.Autograder;
using Course.Autograder.Grading;
using Course.Autograder.Preparation;
using Course.Grading.Output;
using Course.Grading.Results;
using Course.Grading.Running;
using Course.Specs;

namespace Course.Cli.Grading;

/// <summary>
/// <c>course grade</c> once its options are parsed: the steps of <see cref="GradingSetup"/> (account, module, archives,
/// submissions, runner, output folder, sandbox), then the grading run (each submission: intake, its notebooks in the
/// runner, notebook problems, checks, verdict, result files; docs/ARCHITECTURE.md), then the report.
/// </summary>
/// <remarks>Exit codes: 0 graded; 1 graded, but a submission had no notebook of the module that could run; 2 refused before anything was graded.</remarks>
public static class ClassGrading
{
    /// <summary>Grades the class <paramref name="settings"/> names.</summary>
    /// <param name="settings">The options.</param>
    /// <param name="stdout">Where progress and the report go.</param>
    /// <param name="stderr">Where warnings and refusals go.</param>
    /// <param name="cancellationToken">Stops after the submissions in progress.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(GradeSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            return await GradeAsync(settings, stdout, stderr, cancellationToken);
        }
        catch (GradeRefusedException e)
        {
            foreach (string line in e.Lines)
            {
                await stderr.WriteLineAsync($"course grade: {line}");
            }

            return 2;
        }
    }

    private static async Task<int> GradeAsync(GradeSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (account, jobs) = GradingSetup.Account(settings.RunnerUser, settings.Jobs, settings.JobsGiven);
        var module = GradingSetup.Module(settings.SourceDirectory);
        using var archives = GradingSetup.Archives(settings.Submissions, module);
        await WriteLinesAsync(stdout, archives.Notes);
        var submissions = GradingSetup.Submissions(archives.Submissions, module);
        await WriteLinesAsync(stdout, submissions.Notes);
        var runner = GradingSetup.Runner(RunnerProgram.BesideThisProgram());
        string outDir = GradingSetup.OutputFolder(settings.OutputDirectory);
        var sandbox = GradingSetup.Sandbox(settings.NoSandbox, runner, outDir);
        var runnerAccount = GradingSetup.AccountFor(sandbox, account, outDir);

        var run = new GradingRun(new GradingRunOptions
        {
            OutputDirectory = outDir,
            Notebooks = module.Names,
            Force = settings.Force,
            Parallelism = jobs,
            WallTimeLimit = TimeSpan.FromSeconds(settings.TimeoutSeconds),
            MemoryLimitBytes = (long)settings.MemoryMegabytes << 20,
            CpuTimeLimit = TimeSpan.FromSeconds(settings.CpuSeconds),
            Sandbox = sandbox.Sandbox,
            UnsandboxedReason = runnerAccount is null ? sandbox.Reason : $"{sandbox.Reason}; runners run as the unprivileged account '{runnerAccount.Name}'",
            Warnings = stderr,
            Fingerprint = path => SubmissionHash.Of(module, path),
            NotebooksOf = path => SubmissionFiles.NotebooksGradedIn(path, module.Names),
            AllChecks = [.. ModuleSpecs.All.Select(s => CheckPass.Unrun(s, module.NotebookOf(s.GradeId) ?? ""))],
            Grader = new RunnerGrader(module, runner, new GraderOptions { Sandboxed = sandbox.IsAvailable }, runnerAccount),
            Lateness = archives.LatenessUnder(settings.LatePolicy),
        });

        await stdout.WriteLineAsync($"Grading {submissions.Submissions.Count} submission(s) into {outDir}, one process each (limits: {settings.TimeoutSeconds} s wall time, {settings.CpuSeconds} s CPU time, {settings.MemoryMegabytes} MB; "
            + (sandbox.IsAvailable ? $"sandbox: {sandbox.Reason})." : "UNSANDBOXED)."));
        var clock = Stopwatch.StartNew();
        IReadOnlyList<SubmissionResult> results;
        try
        {
            results = await run.RunAsync(submissions.Submissions, SubmissionGrader.StudentIdOf, p => stdout.WriteLine(TerminalReport.ProgressLine(p)), cancellationToken);
        }
        catch (ArgumentException e) when (e.ParamName is "submissions" or "studentIdOf" or "studentIds")
        {
            // Two submissions with one student id, or one with none: the class must be told which, not shown a stack trace.
            throw new GradeRefusedException(e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal), e);
        }
        finally
        {
            runnerAccount?.EndProcesses();
        }

        await ReportAsync(stdout, results, settings.LatePolicy is not null ? archives.WithoutTimestamp(results.Select(r => r.StudentId)) : 0, run.KeptFromEarlierRuns, outDir, clock.Elapsed);
        // Graded, with 0 points, but likely not what was meant: said, and the exit code says it too.
        var nothing = SubmissionArguments.NothingToGrade(results);
        if (nothing.Count > 0)
        {
            await stderr.WriteLineAsync($"course grade: {nothing.Count} submission(s) had no notebook of the module that could be run, and scored 0: "
                + string.Join("; ", nothing.Select(r => $"{TerminalText.Escape(r.StudentId)} ({TerminalText.Escape(StatusWords.Of(r.Status))})")) + ".");
            return 1;
        }

        return 0;
    }

    private static async Task ReportAsync(TextWriter stdout, IReadOnlyList<SubmissionResult> results, int untimed, int kept, string outDir, TimeSpan elapsed)
    {
        await stdout.WriteLineAsync();
        await stdout.WriteAsync(TerminalReport.Table(results));
        if (untimed > 0)
        {
            await stdout.WriteLineAsync($"{untimed} submission(s) have no submission time (only zips carry one): no late penalty applies to them.");
        }

        if (kept > 0)
        {
            await stdout.WriteLineAsync($"The gradebook also keeps the {kept} other student(s) whose results earlier runs left in {outDir} (delete a student's folder there to remove them).");
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Graded in {elapsed.TotalSeconds:0.0} s. Gradebook: {Path.Combine(outDir, GradebookWriter.FileName)}; summary: {Path.Combine(outDir, ClassSummaryWriter.FileName)}."));
    }

    private static async Task WriteLinesAsync(TextWriter writer, IEnumerable<string> lines)
    {
        foreach (string line in lines)
        {
            await writer.WriteLineAsync(line);
        }
    }
}
