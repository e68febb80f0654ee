using System.Diagnostics;
using System.Text.Json.Nodes;
using Course.Autograder.Preparation;
using Course.Autograder.Problems;
using Course.Boundary;
using Course.Grading.Results;
using Course.Grading.Running;
using Course.Notebooks.Format;
using Course.Specs.Core;

namespace Course.Autograder.Boundary;

/// <summary>
/// Grades a submission whose code runs in a sandboxed runner (prepared by <see cref="Prepare"/>): waits for
/// the runner to run the notebooks, then, in order, records the notebooks' problems (<see cref="NotebookProblems"/>),
/// runs every check here, in the trusted parent, against the runner's recorded implementation through the boundary
/// (<see cref="CheckPass"/>), and gives the verdict (<see cref="GradingProblems.Verdict"/>). The score comes only from
/// the checks' outcomes in this process; the runner's report words the feedback and nothing else.
/// </summary>
public static class RemoteGrader
{
    /// <summary>
    /// Prepares a submission in its grading folder: the graded part of each ready notebook (locked cells restored,
    /// no solutions), the runner's manifest, and the libraries the notebooks load (the runner's editions).
    /// </summary>
    /// <param name="module">The instructor's sources.</param>
    /// <param name="submission">The submission.</param>
    /// <param name="grading">The empty grading folder.</param>
    /// <param name="runnerFolder">The runner program's folder (with its <c>lib</c>).</param>
    /// <param name="options">Time limits.</param>
    /// <param name="prepared">The prepared submission, for <see cref="GradeAsync"/>.</param>
    /// <returns>The runner's command line.</returns>
    public static ProcessStartInfo Prepare(ModuleNotebooks module, string submission, string grading, string runnerFolder, GraderOptions options, out PreparedSubmission prepared)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(options);
        prepared = SubmissionPreparation.Prepare(module, submission);
        string folder = Path.Combine(grading, "submission");
        string work = Path.Combine(grading, "work");
        string lib = Path.Combine(work, "lib");
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(lib);
        var ready = prepared.Notebooks.Where(n => n.Notebook is not null).ToArray();
        foreach (var notebook in ready)
        {
            File.WriteAllText(Path.Combine(folder, notebook.Name), IpynbWriter.Serialize(GradedPart.Of(notebook.Notebook!)));
        }

        new RunnerManifest([.. ready.Select(n => n.Name)], options.CellTimeout.TotalSeconds).Write(folder);
        foreach (string file in Directory.GetFiles(Path.Combine(runnerFolder, "lib")))
        {
            File.Copy(file, Path.Combine(lib, Path.GetFileName(file)), overwrite: true);
        }

        var start = new ProcessStartInfo(DotnetHost());
        foreach (string argument in new[] { Path.Combine(runnerFolder, "course-runner.dll"), folder, work })
        {
            start.ArgumentList.Add(argument);
        }

        start.WorkingDirectory = work;
        return start;
    }

    /// <summary>Grades the submission through its running runner.</summary>
    /// <param name="session">The runner, started.</param>
    /// <param name="prepared">What <see cref="Prepare"/> made.</param>
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
        // The report, or the runner's end, or the time's.
        await Task.WhenAny(service.Ready, channel.Completion, Task.Delay(Timeout.Infinite, session.Stopping)).ConfigureAwait(false);
        RunnerReport report = service.Ready.IsCompletedSuccessfully ? await service.Ready.ConfigureAwait(false) : new RunnerReport([], new HashSet<Exercise>());
        TimeSpan ready = clock.Elapsed;
        if (!service.Ready.IsCompletedSuccessfully)
        {
            session.RunnerEndedEarly = true;
        }

        string work = Path.Combine(session.GradingFolder, "work");
        var notebooks = NotebookProblems.Record(prepared, name => report.Cells.Where(c => c.Notebook == name), options.CellTimeout, options.Sandboxed ? work : null, problems);
        // Where a cell did not compile, a check cell finds the library's class in place of the student's.
        var notCompiled = problems.NotebooksWith(SubmissionStatus.CompileError);
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

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
