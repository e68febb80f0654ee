using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Course.Autograder;
using Course.Grading.Results;
using Course.Grading.Running;
using Course.Specs;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course grade</c>: grades a class of submissions, each in its own process with time and memory
/// limits, and writes the gradebook, per-student feedback, Gradescope results and a class summary.
/// With no submissions named it grades the bundled samples in <c>autograder/samples</c>.
/// </summary>
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
            Description = "Students' folders of notebooks (or single notebooks). Default: every sample in autograder/samples.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string>("--out", "-o") { Description = "Folder for the gradebook, feedback and results.", DefaultValueFactory = _ => DefaultOutputDirectory, HelpName = "DIR" };
        var force = new Option<bool>("--force") { Description = "Grade again even submissions that have not changed since the last run." };
        var source = new Option<string?>("--source") { Description = "The instructor's source notebooks (default: notebooks/source).", HelpName = "DIR" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds one submission may take before it is stopped.", DefaultValueFactory = _ => 300, HelpName = "SECONDS" };
        var memory = new Option<int>("--memory") { Description = "Megabytes of managed memory one submission may use.", DefaultValueFactory = _ => 2048, HelpName = "MB" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Submissions graded at once, each in its own process (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "N" };

        var command = new Command("grade", "Grade submissions: gradebook.csv, feedback per student, Gradescope results.json and a class summary.")
        {
            submissions, output, force, source, timeout, memory, jobs,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            int seconds = parse.GetValue(timeout), megabytes = parse.GetValue(memory), parallel = parse.GetValue(jobs);
            if (seconds < 1 || megabytes < 64 || parallel < 1)
            {
                await stderr.WriteLineAsync($"course grade: --timeout must be at least 1 second, --memory at least 64 MB and --jobs at least 1, but were {seconds}, {megabytes} and {parallel}.");
                return 2;
            }

            string[] given = parse.GetValue(submissions) ?? [];
            string[] paths = given.Length > 0 ? given : Samples();
            var missing = paths.Where(p => !Directory.Exists(p) && !File.Exists(p)).ToArray();
            if (missing.Length > 0)
            {
                await stderr.WriteLineAsync($"course grade: no such submission: {string.Join(", ", missing)}.");
                return 2;
            }

            string sourceDir = Path.GetFullPath(parse.GetValue(source) ?? CourseTree.Path("notebooks", "source"));
            var module = ModuleNotebooks.Load(sourceDir);
            string outDir = Path.GetFullPath(parse.GetValue(output) ?? DefaultOutputDirectory);
            string lib = CourseTree.Path("notebooks", "lib");
            var run = new GradingRun(new GradingRunOptions
            {
                OutputDirectory = outDir,
                Notebooks = module.Names,
                Force = parse.GetValue(force),
                Parallelism = parallel,
                WallTimeLimit = TimeSpan.FromSeconds(seconds),
                MemoryLimitBytes = (long)megabytes << 20,
                Fingerprint = path => SubmissionHash.Of(path),
                AllChecks = ModuleSpecs.All.Select(s => new CheckOutcome(s.Id, s.GradeId, module.NotebookOf(s.GradeId) ?? "", s.Title, s.Points, 0, "not run", "", s.Hint, s.Hidden, null)).ToArray(),
                GradingProcess = (submission, resultFile, progressFile) => ChildProcess(submission, resultFile, progressFile, sourceDir, lib),
            });

            await stdout.WriteLineAsync($"Grading {paths.Length} submission(s) into {outDir}, one process each (limits: {seconds} s, {megabytes} MB).");
            var clock = Stopwatch.StartNew();
            var results = await run.RunAsync(paths.Select(Path.GetFullPath).ToArray(), SubmissionGrader.StudentIdOf,
                p => stdout.WriteLine($"[{p.Done}/{p.Total}] {p.StudentId}: {p.What}"), cancellationToken);
            await stdout.WriteLineAsync();
            await stdout.WriteAsync(Table(results));
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Graded in {clock.Elapsed.TotalSeconds:0.0} s. Gradebook: {Path.Combine(outDir, "gradebook.csv")}; summary: {Path.Combine(outDir, "summary.html")}."));
            return 0;
        });
        return command;
    }

    private static string[] Samples()
    {
        string folder = CourseTree.Path("autograder", "samples");
        return Directory.Exists(folder) ? Directory.GetDirectories(folder).Order(StringComparer.Ordinal).ToArray() : [];
    }

    private static ProcessStartInfo ChildProcess(string submission, string resultFile, string progressFile, string sourceDir, string lib)
    {
        // Run this very program again: the apphost when there is one, else `dotnet course.dll`.
        string self = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(self);
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(GradeCommand).Assembly.Location);
        }

        string work = Path.Combine(Path.GetDirectoryName(resultFile)!, "work");
        Directory.CreateDirectory(work);
        foreach (string arg in new[] { "grade-submission", submission, "--source", sourceDir, "--lib", lib, "--result", resultFile, "--progress", progressFile, "--work", work })
        {
            start.ArgumentList.Add(arg);
        }

        start.WorkingDirectory = work;
        return start;
    }

    private static string Table(IReadOnlyList<SubmissionResult> results)
    {
        var rows = results.OrderBy(r => r.StudentId, StringComparer.Ordinal)
            .Select(r => (r.StudentId, Score: string.Create(CultureInfo.InvariantCulture, $"{r.Score:0.##}/{r.MaxScore:0.##}"), r.Status)).ToList();
        int w = Math.Max(10, rows.Select(r => r.StudentId.Length).DefaultIfEmpty(0).Max());
        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"{"student".PadRight(w)}  {"score",-9}  status");
        foreach (var (id, score, status) in rows)
        {
            sb.AppendLine($"{id.PadRight(w)}  {score,-9}  {status}");
        }

        return sb.ToString();
    }
}
