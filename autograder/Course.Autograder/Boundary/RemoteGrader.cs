using System.Diagnostics;
using System.Text.Json.Nodes;
using Course.Autograder.Grading;
using Course.Autograder.Preparation;
using Course.Autograder.Problems;
using Course.Boundary;
using Course.Grading.Results;
using Course.Grading.Running;
using Course.Specs.Core;

namespace Course.Autograder.Boundary;

/// <summary>
/// Grades a submission whose code runs in a sandboxed runner (prepared by <see cref="Grading.RunnerIntake"/>): waits for
/// the runner to run the notebooks, then, in order, records the notebooks' problems (<see cref="NotebookProblems"/>),
/// runs every check here, in the trusted parent, against the runner's recorded implementation through the boundary
/// (<see cref="CheckPass"/>), and gives the verdict (<see cref="GradingProblems.Verdict"/>). The score comes only from
/// the checks' outcomes in this process; the runner's report words the feedback and nothing else.
/// </summary>
public static class RemoteGrader
{
    /// <summary>Grades the submission through its running runner.</summary>
    /// <param name="session">The runner, started.</param>
    /// <param name="prepared">What <see cref="Grading.RunnerIntake"/> made.</param>
    /// <param name="options">Time limits; <see cref="GraderOptions.Sandboxed"/> for the wording of refused accesses.</param>
    /// <returns>The result.</returns>
    public static async Task<SubmissionResult> GradeAsync(GradingSession session, PreparedSubmission prepared, GraderOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var meter = new ProcessTreeMeter(session.Process.Id);
        TimeSpan? firstCell = null;
        var service = new ParentService
        {
            OnProgress = doing =>
            {
                firstCell ??= clock.Elapsed;
                session.Activity = doing;
            },
        };
        using var channel = new BoundaryChannel(session.Process.StandardOutput.BaseStream, session.Process.StandardInput.BaseStream, service.Serve, "the grading runner");
        service.Host.Channel = channel;
        // When the time is up, every call waiting on the runner ends now, not when its output closes: a runner that
        // never answers (or a process of its that keeps the pipe open after the kill) must not hold the grading.
        using var stopped = session.Stopping.Register(channel.Dispose);
        channel.Start();

        var problems = new GradingProblems();
        // Step 2, the notebooks in the runner: its report, or the runner's end, or the time's.
        await Task.WhenAny(service.Ready, channel.Completion, Task.Delay(Timeout.Infinite, session.Stopping)).ConfigureAwait(false);
        RunnerReport report = service.Ready.IsCompletedSuccessfully ? await service.Ready.ConfigureAwait(false) : new RunnerReport([], new HashSet<Exercise>());
        TimeSpan ready = clock.Elapsed;
        if (!service.Ready.IsCompletedSuccessfully)
        {
            session.RunnerEndedEarly = true;
        }

        // Step 3, the notebooks' problems.
        string work = new GradingFolder(session.GradingFolder).Work.Path;
        var notebooks = NotebookProblems.Record(prepared, name => report.Cells.Where(c => c.Notebook == name), options.CellTimeout, options.Sandboxed ? work : null, problems);
        // Where a cell did not compile, a check cell finds the library's class in place of the student's.
        var notCompiled = problems.NotebooksWith(SubmissionStatus.CompileError);
        // Step 4, every check, here, through the boundary. A cell still running (abandoned in an infinite loop) is not
        // the checks' work: its thread is left out of the CPU time they measure.
        meter.IgnoreBusyThreads(TimeSpan.FromMilliseconds(100));
        var world = new RemoteWorld(service.Host, meter, work);
        var implementation = RemoteImplementation.Create(service.Host, report.Exercises, world);
        var pass = new CheckPass(options, prepared.NotebookOf, notebooks)
        {
            NotCompiled = notCompiled,
            Starting = id => session.Activity = $"check {id}",
            BeforeCheck = exercise => service.CurrentExercise = exercise,
            AfterCheck = () =>
            {
                world.Forget();
                Release(service);
            },
            Ended = () => channel.Closed is not null || session.Stopping.IsCancellationRequested,
        };
        var checks = await Task.Run(() => pass.Run(implementation, problems)).ConfigureAwait(false);
        if (channel.Closed is not null && !session.Stopping.IsCancellationRequested && checks.Any(c => c.Message == "Not run: grading ended early."))
        {
            session.RunnerEndedEarly = true;
        }

        // Step 5, the verdict; the run writes the result (step 6).
        var verdict = problems.Verdict();
        TimeSpan started = firstCell ?? ready;
        return new SubmissionResult(prepared.StudentId, verdict.Status, verdict.Reason, notebooks, checks, "", clock.Elapsed.TotalSeconds)
        {
            Phases = new Dictionary<string, double>
            {
                ["start"] = Math.Round(started.TotalSeconds, 3),
                ["notebooks"] = Math.Round((ready - started).TotalSeconds, 3),
                ["checks"] = Math.Round((clock.Elapsed - ready).TotalSeconds, 3),
            },
        };
    }

    private static void Release(ParentService service)
    {
        service.CurrentExercise = Exercise.None;
        service.Host.Handles.Release();
        try
        {
            service.Host.Call("handles.release", new JsonObject());
        }
        catch (Exception e) when (e is BoundaryProtocolException or InvalidOperationException)
        {
            // The runner is gone: nothing of it is left to release.
        }
    }
}
