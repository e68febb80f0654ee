using System.Diagnostics;
using System.Text.Json;
using Course.Grading.Results;
using Course.Grading.Running;
using Course.Grading.Sandboxing;
using Course.Grading.Tests.Support;
using static Course.Grading.Tests.Results;

namespace Course.Grading.Tests.Sandboxing;

/// <summary>
/// GradingRun with and without the sandbox, against stand-in grading processes (shell scripts): results
/// still arrive from inside it, its limits still apply, a run without it says so once, and what a
/// grading process leaves behind (links, pipes, forged progress) is not trusted.
/// </summary>
public sealed class SandboxedGradingRunTests : IDisposable
{
    private static readonly CheckOutcome[] AllChecks = ScriptedRunner.AllChecks;
    private readonly string _root = Directory.CreateTempSubdirectory("course-sandboxed-run-").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    private string Out => Path.Combine(_root, "out");

    [RequiresToolFact(typeof(Bubblewrap))]
    public async Task Sandboxed_grading_writes_results_under_the_real_student_id_and_hides_other_submissions()
    {
        var warnings = new StringWriter();
        string[] subs = Submissions("good", "snoop");
        string othersSubmission = Path.Combine(_root, "subs", "good", "01-a.ipynb");
        var run = new GradingRun(Options(Scripts(othersSubmission)) with { Sandbox = Bubblewrap.Require(), Warnings = warnings });

        var byId = (await run.RunAsync(subs, Path.GetFileName)).ToDictionary(r => r.StudentId);

        Assert.Equal(SubmissionStatus.Graded, byId["good"].Status);
        Assert.Equal(5, byId["good"].Score);
        // The stand-in reports itself as "submission" (what a prepared copy is called); the run knows better.
        Assert.Equal("good", ResultJson.TryRead(GradingRun.ResultPath(Out, "good"))!.StudentId);
        Assert.Equal(SubmissionStatus.Graded, byId["snoop"].Status);
        Assert.Equal(5, byId["snoop"].Score); // full marks only if it could NOT read the other submission
        Assert.DoesNotContain("leaked", File.ReadAllText(Path.Combine(Out, "snoop", GradingRun.LogFileName)));
        Assert.Equal("", warnings.ToString());
        Assert.Contains("Graded in a sandbox (bubblewrap", File.ReadAllText(Path.Combine(Out, "summary.html")));
    }

    [RequiresToolFact(typeof(Bubblewrap))]
    public async Task A_sandboxed_submission_past_its_wall_time_is_stopped_with_everything_it_started()
    {
        string marker = "course-marker-" + Guid.NewGuid().ToString("N")[..10];
        var run = new GradingRun(Options(Scripts(marker: marker)) with
        {
            Sandbox = Bubblewrap.Require(),
            WallTimeLimit = TimeSpan.FromSeconds(2),
        });

        var result = (await run.RunAsync(Submissions("forks"), Path.GetFileName)).Single();

        Assert.Equal(SubmissionStatus.TimedOut, result.Status);
        Assert.Contains("longer than 2 s", result.Reason);
        await Task.Delay(500);
        Assert.Empty(ProcessesMentioning(marker));
    }

    [RequiresToolFact(typeof(Bubblewrap))]
    public async Task The_CPU_time_cap_applies_inside_the_sandbox_and_is_named_as_the_reason()
    {
        var run = new GradingRun(Options(Scripts()) with
        {
            Sandbox = Bubblewrap.Require(),
            WallTimeLimit = TimeSpan.FromSeconds(60),
            CpuTimeLimit = TimeSpan.FromSeconds(1),
        });
        var clock = Stopwatch.StartNew();

        var result = (await run.RunAsync(Submissions("spin"), Path.GetFileName)).Single();

        Assert.Equal(SubmissionStatus.TimedOut, result.Status);
        Assert.Contains("more than 1 s of CPU time (the CPU-time cap)", result.Reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Took {clock.Elapsed}.");
    }

    [Fact]
    public async Task Without_a_sandbox_grading_works_and_warns_once_at_the_start_and_once_at_the_end()
    {
        var detection = Sandbox.Detect(Path.Combine(_root, "no-such", "bwrap"));
        Assert.False(detection.IsAvailable);
        var console = new StringWriter();
        var run = new GradingRun(Options(Scripts()) with { Sandbox = detection.Sandbox, UnsandboxedReason = detection.Reason, Warnings = console });

        var results = await run.RunAsync(Submissions("good", "good2", "good3"), Path.GetFileName, p => console.WriteLine($"[{p.Done}/{p.Total}] {p.StudentId}"));

        Assert.All(results, r => Assert.Equal(SubmissionStatus.Graded, r.Status));
        Assert.All(results, r => Assert.Equal(5, r.Score));
        string text = console.ToString();
        string banner = $"WARNING: submissions run UNSANDBOXED (bwrap was not found at '{Path.Combine(_root, "no-such", "bwrap")}').";
        string closing = $"WARNING: these submissions were graded UNSANDBOXED ({detection.Reason}).";
        Assert.Equal(1, Occurrences(text, banner));
        Assert.Equal(1, Occurrences(text, closing));
        Assert.Equal(2, Occurrences(text, "UNSANDBOXED"));
        Assert.StartsWith(new string('=', 78) + "\n" + banner, text.ReplaceLineEndings("\n"));
        Assert.True(text.IndexOf(banner, StringComparison.Ordinal) < text.IndexOf("[1/3]", StringComparison.Ordinal));
        Assert.EndsWith(closing, text.TrimEnd());
        Assert.Contains("Install the Debian package bubblewrap", text);
        Assert.Contains("Graded UNSANDBOXED (bwrap was not found at", File.ReadAllText(Path.Combine(Out, "summary.html")));
    }

    [Fact]
    public async Task The_warning_ends_a_run_that_is_cancelled_too()
    {
        var console = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = new GradingRun(Options(Scripts()) with { UnsandboxedReason = "--no-sandbox was given", Warnings = console, Parallelism = 1 });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            run.RunAsync(Submissions("good", "good2"), Path.GetFileName, _ => stop.Cancel(), stop.Token));

        Assert.EndsWith("WARNING: these submissions were graded UNSANDBOXED (--no-sandbox was given).", console.ToString().TrimEnd());
    }

    [Fact]
    public async Task Result_files_the_runner_writes_are_never_read_as_its_score()
    {
        // What an old grading process reported through files (result.json, progress.jsonl), forged at full marks and
        // more, beside a link and a named pipe: the score comes only from the grading side, which failed every check.
        string forged = ResultJson.Serialize(Submission("forger", Check("x", "01-a.ipynb", 1000, true), Check("y", "02-b.ipynb", 1000, true)));
        string line = JsonSerializer.Serialize(Check("x", "01-a.ipynb", 1000, true));
        var run = new GradingRun(Options(ScriptedRunner.Start(_ =>
            $"printf '%s' '{forged}' > \"$2/result.json\"; printf '%s\\n' '{line}' > \"$2/progress.jsonl\"; "
            + $"mkdir -p \"$2/work\"; printf '%s' '{forged}' > \"$2/work/result.json\"; ln -s /etc/passwd \"$2/results.json\"; mkfifo \"$2/feedback.md\"; "
            + ScriptedRunner.Fails)));

        var result = (await run.RunAsync(Submissions("forger"), Path.GetFileName).WaitAsync(TimeSpan.FromSeconds(60))).Single();

        Assert.Equal(SubmissionStatus.Graded, result.Status);
        Assert.Equal(0, result.Score);
        Assert.Equal(5, result.MaxScore);
        Assert.Equal(0, ResultJson.TryRead(GradingRun.ResultPath(Out, "forger"))!.Score);
    }

    [Fact]
    public async Task Nothing_the_runner_made_stays_in_the_output_folder_and_nothing_left_earlier_carries_over()
    {
        string leftover = Path.Combine(Out, "good", "grading", "work", "leftover.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(leftover)!);
        File.WriteAllText(leftover, "from last time");
        Directory.CreateDirectory(Path.Combine(Out, "good", GradingRun.LogFileName)); // even where the log goes
        // The runner leaves links (to a secret, to a classmate's results, to a folder), a named pipe and a socket-like
        // file in its folder: none of it may stay among the instructor's results.
        var run = new GradingRun(Options(ScriptedRunner.Start(_ =>
            "mkdir -p \"$2/work/deep\"; ln -s /etc/shadow \"$2/work/shadow\"; ln -s / \"$2/work/deep/root\"; "
            + "ln -s ../../other/result.json \"$2/classmate.json\"; mkfifo \"$2/work/pipe\"; chmod 000 \"$2/work/deep\"; " + ScriptedRunner.Passes)));

        var result = (await run.RunAsync(Submissions("good"), Path.GetFileName)).Single();

        Assert.Equal(SubmissionStatus.Graded, result.Status);
        Assert.False(Directory.Exists(Path.Combine(Out, "good", "grading")));
        var left = Directory.EnumerateFileSystemEntries(Path.Combine(Out, "good"), "*", SearchOption.AllDirectories).Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["feedback.html", "feedback.md", GradingRun.LogFileName, "result.json", "results.json"], left);
        Assert.All(Directory.EnumerateFileSystemEntries(Out, "*", SearchOption.AllDirectories), entry => Assert.Null(new FileInfo(entry).LinkTarget));
    }

    [Fact]
    public async Task A_submission_that_cannot_be_prepared_is_reported_and_the_others_are_graded()
    {
        var scripts = Scripts();
        var run = new GradingRun(Options((submission, grading) => Path.GetFileName(submission) == "unreadable"
            ? throw new UnauthorizedAccessException($"Access to the path '{submission}/01-a.ipynb' is denied.")
            : scripts(submission, grading)));

        var byId = (await run.RunAsync(Submissions("unreadable", "good"), Path.GetFileName)).ToDictionary(r => r.StudentId);

        Assert.Equal(SubmissionStatus.Crashed, byId["unreadable"].Status);
        Assert.Contains("could not be prepared for grading: Access to the path", byId["unreadable"].Reason);
        Assert.Equal(5, byId["unreadable"].MaxScore);
        Assert.Equal(SubmissionStatus.Graded, byId["good"].Status);
    }

    private static int Occurrences(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static List<int> ProcessesMentioning(string marker)
    {
        var found = new List<int>();
        foreach (string dir in Directory.GetDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out int pid))
            {
                try
                {
                    if (File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(marker, StringComparison.Ordinal))
                    {
                        found.Add(pid);
                    }
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }

        return found;
    }

    // Stand-ins for the grading runner, chosen by the submission's name.
    private static Func<string, string, ProcessStartInfo> Scripts(string othersSubmission = "/nonexistent", string marker = "unused") =>
        ScriptedRunner.Start(name => name switch
        {
            "snoop" => $"if cat '{othersSubmission}'; then echo leaked >&2; {ScriptedRunner.Fails}; else {ScriptedRunner.Passes}; fi",
            "forks" => $"sh -c 'sleep 300; : {marker}' & sleep 300",
            "spin" => "while :; do :; done",
            _ => ScriptedRunner.Passes,
        });

    private GradingRunOptions Options(Func<string, string, ProcessStartInfo> runner) => new()
    {
        OutputDirectory = Out,
        Notebooks = ["01-a.ipynb", "02-b.ipynb"],
        AllChecks = AllChecks,
        Grader = new ScriptedGrader(runner),
        Fingerprint = path => Path.GetFileName(path),
        Force = true,
        WallTimeLimit = TimeSpan.FromSeconds(30),
    };

    private string[] Submissions(params string[] names) => [.. names.Select(n =>
    {
        string dir = Path.Combine(_root, "subs", n);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "01-a.ipynb"), n);
        return dir;
    })];
}
