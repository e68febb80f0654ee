using System.Diagnostics;
using Course.Grading.Results;
using Course.Grading.Running;
using Course.Grading.Tests.Support;
using static Course.Grading.Tests.Results;

namespace Course.Grading.Tests;

/// <summary>
/// The driver against stand-in grading processes (shell scripts), one per way a submission can end:
/// graded, looping forever, exiting early, overflowing the stack.
/// </summary>
public sealed class GradingRunTests : IDisposable
{
    private static readonly string[] Notebooks = ["01-a.ipynb", "02-b.ipynb"];
    private static readonly CheckOutcome[] AllChecks = [Check("x", "01-a.ipynb", 2, false), Check("y", "02-b.ipynb", 3, false)];
    private readonly string _root = Directory.CreateTempSubdirectory("course-grading-run-").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    [Fact]
    public async Task Each_way_of_ending_gets_its_status_and_reason_and_the_others_keep_their_marks()
    {
        var run = Run(Script);
        var results = await run.RunAsync(Submissions("good", "loop", "quits", "overflow"), Path.GetFileName);
        var byId = results.ToDictionary(r => r.StudentId);

        Assert.Equal(SubmissionStatus.Graded, byId["good"].Status);
        Assert.Equal(5, byId["good"].Score);

        Assert.Equal(SubmissionStatus.TimedOut, byId["loop"].Status);
        Assert.Contains("longer than 2 s and was stopped while running check y", byId["loop"].Reason);
        Assert.Equal(2, byId["loop"].Score);           // the check it finished before looping
        Assert.Equal(5, byId["loop"].MaxScore);        // the rest are reported, not dropped
        Assert.Equal(CheckOutcomeStatus.NotRun, byId["loop"].Checks.Single(c => c.Id == "y").Status);

        Assert.Equal(SubmissionStatus.ExitedEarly, byId["quits"].Status);
        Assert.Contains("Environment.Exit", byId["quits"].Reason);

        Assert.Equal(SubmissionStatus.Crashed, byId["overflow"].Status);
        Assert.Contains("Stack overflow", byId["overflow"].Reason);

        string gradebook = File.ReadAllText(Path.Combine(_root, "out", "gradebook.csv"));
        Assert.Contains("good,2,3,5,5,100,graded,", gradebook);
        Assert.True(File.Exists(Path.Combine(_root, "out", "good", "feedback.html")));
        Assert.True(File.Exists(Path.Combine(_root, "out", "good", "results.json")));
        Assert.True(File.Exists(Path.Combine(_root, "out", "summary.html")));
    }

    [Fact]
    public async Task Unchanged_submissions_are_not_graded_again_unless_forced()
    {
        int started = 0;
        ProcessStartInfo Counting(string submission, string grading)
        {
            Interlocked.Increment(ref started);
            return Script(submission, grading);
        }

        await Run(Counting).RunAsync(Submissions("good", "good2"), Path.GetFileName);
        await Run(Counting).RunAsync(Submissions("good", "good2"), Path.GetFileName);
        Assert.Equal(2, started);

        File.WriteAllText(Path.Combine(_root, "subs", "good2", "changed.txt"), "new content");
        await Run(Counting).RunAsync(Submissions("good", "good2"), Path.GetFileName);
        Assert.Equal(3, started);

        await Run(Counting, force: true).RunAsync(Submissions("good", "good2"), Path.GetFileName);
        Assert.Equal(5, started);
    }

    [Fact]
    public async Task A_run_killed_in_the_middle_resumes_to_the_same_gradebook_as_a_clean_run()
    {
        string[] subs = Submissions("good", "quits", "good2");
        var clean = Run(Script, output: "clean");
        await clean.RunAsync(subs, Path.GetFileName);

        using var stop = new CancellationTokenSource();
        var interrupted = Run(Script, output: "resumed");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            interrupted.RunAsync(subs, Path.GetFileName, p => { if (p.Done == 1) { stop.Cancel(); } }, stop.Token));
        Assert.True(File.Exists(Path.Combine(_root, "resumed", "gradebook.csv")));
        await Run(Script, output: "resumed").RunAsync(subs, Path.GetFileName);

        Assert.Equal(File.ReadAllText(Path.Combine(_root, "clean", "gradebook.csv")), File.ReadAllText(Path.Combine(_root, "resumed", "gradebook.csv")));
    }

    [Fact]
    public async Task Two_submissions_with_one_student_id_are_refused()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Run(Script).RunAsync(["/a/amy", "/b/amy"], Path.GetFileName));
        Assert.Contains("'amy'", e.Message);
    }

    private GradingRun Run(Func<string, string, ProcessStartInfo> runner, bool force = false, string output = "out") => new(new GradingRunOptions
    {
        OutputDirectory = Path.Combine(_root, output),
        Notebooks = Notebooks,
        Grader = new ScriptedGrader(runner),
        Fingerprint = path => string.Join(",", Directory.GetFiles(path).Order().Select(f => File.ReadAllText(f).GetHashCode())),
        AllChecks = AllChecks,
        Force = force,
        WallTimeLimit = TimeSpan.FromSeconds(2),
    });

    private string[] Submissions(params string[] names) => names.Select(n =>
    {
        string dir = Path.Combine(_root, "subs", n);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "01-a.ipynb"), n);
        return dir;
    }).ToArray();

    // A stand-in for the grading runner: what it does is chosen by the submission's name.
    private static readonly Func<string, string, ProcessStartInfo> Script = ScriptedRunner.Start(name => name switch
    {
        "loop" => "echo 'pass x'; echo 'doing check y'; while true; do sleep 1; done",
        "quits" => "exit 0",
        "overflow" => "echo 'Stack overflow.' >&2; exit 134",
        _ => ScriptedRunner.Passes,
    });
}
