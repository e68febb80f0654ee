using System.CommandLine;
using Course.Autograder.Grading;
using Course.Cli.Grading;
using Course.Grading.LateSubmissions;
using Course.Grading.Output;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course grade</c>: grades a class of submissions, each in its own process with time and memory
/// limits, and writes the gradebook, per-student feedback, Gradescope results and a class summary.
/// With no submissions named it grades the bundled samples in <c>autograder/samples</c>.
/// </summary>
/// <remarks>
/// This parses and checks the options; <see cref="ClassGrading"/> grades. Each submission is prepared here (locked cells restored from the instructor's sources) and only the prepared
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

            return await ClassGrading.RunAsync(new GradeSettings
            {
                Submissions = parse.GetValue(submissions) ?? [],
                OutputDirectory = parse.GetValue(output) ?? DefaultOutputDirectory,
                SourceDirectory = parse.GetValue(source),
                Force = parse.GetValue(force),
                TimeoutSeconds = seconds,
                CpuSeconds = cpuSeconds,
                MemoryMegabytes = megabytes,
                Jobs = parallel,
                JobsGiven = parse.GetResult(jobs) is { Implicit: false },
                NoSandbox = parse.GetValue(noSandbox),
                LatePolicy = policy,
                RunnerUser = parse.GetValue(runnerUser),
            }, stdout, stderr, cancellationToken);
        });
        return command;
    }

    /// <summary>The grading runner's folder: <c>runner/</c> beside this program (the build lays it out).</summary>
    /// <returns>Its full path.</returns>
    public static string RunnerFolder() => RunnerProgram.BesideThisProgram().Folder;
}
