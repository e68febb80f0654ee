using System.Diagnostics;
using Course.Grading.Results;
using Course.Notebooks.Authoring;
using Course.Notebooks.Execution;
using Course.Notebooks.Format;
using Course.Notebooks.Model;
using Course.Specs;
using Course.Specs.Core;

namespace Course.Autograder;

/// <summary>
/// Grades one module 05 submission in this process: restores each notebook's locked cells from the
/// instructor's source, runs the notebooks with the check cells recording the student's exercises,
/// then runs every check (hidden ones included) against what was recorded.
/// </summary>
/// <remarks>
/// Student code runs in this process, so run one submission per process (<c>course grade</c> does):
/// an infinite loop abandons a thread, a stack overflow ends the process.
/// </remarks>
public sealed class SubmissionGrader
{
    private readonly ModuleNotebooks _module;
    private readonly GraderOptions _options;

    /// <summary>Creates a grader for the module whose sources are <paramref name="module"/>.</summary>
    /// <param name="module">The instructor's source notebooks.</param>
    /// <param name="options">Time limits and folders; null for the defaults.</param>
    public SubmissionGrader(ModuleNotebooks module, GraderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        _module = module;
        _options = options ?? new GraderOptions();
    }

    /// <summary>Grades the submission at <paramref name="submissionPath"/> (a folder of notebooks, or one notebook).</summary>
    /// <param name="submissionPath">The submission.</param>
    /// <param name="onCheck">Told about each check as soon as it has run, so a crash later keeps the points earned.</param>
    /// <param name="cancellationToken">Stops grading.</param>
    /// <returns>The result.</returns>
    public async Task<SubmissionResult> GradeAsync(string submissionPath, Action<CheckOutcome>? onCheck = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(submissionPath);
        var clock = Stopwatch.StartNew();
        string studentId = StudentIdOf(submissionPath);
        string work = PrepareWorkDirectory();
        var notebooks = new List<NotebookOutcome>();
        SubmissionRecorder.Start();
        try
        {
            foreach (var (name, source) in _module.Sources)
            {
                notebooks.Add(await RunNotebookAsync(submissionPath, name, source, work, cancellationToken));
            }
        }
        finally
        {
            SubmissionRecorder.Stop();
        }

        var checks = RunChecks(SubmissionRecorder.Recorded, notebooks, onCheck);
        return new SubmissionResult(studentId, SubmissionResult.Graded, "", notebooks, checks,
            SubmissionHash.Of(submissionPath), clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Runs a submission's notebooks and returns the implementation its check cells recorded, without
    /// running any check: how the xunit grading specs get "the implementation under test".
    /// </summary>
    /// <param name="submissionPath">The submission.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The recorded implementation, screened against the reference library standing in.</returns>
    public async Task<Implementation> LoadImplementationAsync(string submissionPath, CancellationToken cancellationToken = default)
    {
        string work = PrepareWorkDirectory();
        SubmissionRecorder.Start();
        try
        {
            foreach (var (name, source) in _module.Sources)
            {
                await RunNotebookAsync(submissionPath, name, source, work, cancellationToken);
            }
        }
        finally
        {
            SubmissionRecorder.Stop();
        }

        return Screen(SubmissionRecorder.Recorded);
    }

    /// <summary>The student id of a submission: its folder's name, or its notebook's name without extension.</summary>
    /// <param name="submissionPath">The submission.</param>
    /// <returns>The id.</returns>
    public static string StudentIdOf(string submissionPath) =>
        Directory.Exists(submissionPath)
            ? new DirectoryInfo(submissionPath).Name
            : Path.GetFileNameWithoutExtension(submissionPath);

    private IReadOnlyList<CheckOutcome> RunChecks(Implementation recorded, List<NotebookOutcome> notebooks, Action<CheckOutcome>? onCheck)
    {
        var implementation = Screen(recorded);
        var outcomes = new List<CheckOutcome>();
        // An exercise stuck in an infinite loop would cost its full time limit in every one of its
        // checks, each leaving a spinning thread behind: after its first timeout, the rest of its
        // checks (and the checks that combine exercises) are failed at once.
        var stuck = new HashSet<Exercise>();
        foreach (var spec in ModuleSpecs.All)
        {
            string notebook = _module.NotebookOf(spec.GradeId) ?? "(not in any notebook)";
            var exercise = Exercises.Of(spec.GradeId);
            var result = stuck.Count > 0 && (stuck.Contains(exercise) || exercise == Exercise.None)
                ? new CheckResult(spec, CheckStatus.TimedOut, $"Not run: an earlier check of {(exercise == Exercise.None ? string.Join(", ", stuck) : exercise)} timed out, so this one would too.", TimeSpan.Zero)
                : SpecRunner.RunOne(spec, implementation, _options.CheckTimeoutScale);
            if (result.Status == CheckStatus.TimedOut && exercise != Exercise.None)
            {
                stuck.Add(exercise);
            }

            string message = result.Status == CheckStatus.Missing
                ? MissingReason(notebooks.FirstOrDefault(n => n.Name == notebook), result.Message)
                : result.Message;
            var outcome = new CheckOutcome(spec.Id, spec.GradeId, notebook, spec.Title, spec.Points, result.Score,
                StatusName(result.Status), message, spec.Hint, spec.Hidden, result.Measured);
            outcomes.Add(outcome);
            onCheck?.Invoke(outcome);
        }

        return outcomes;
    }

    private static Implementation Screen(Implementation recorded) =>
        Enum.GetValues<Exercise>().Aggregate(recorded, (impl, exercise) =>
            GradeIdOf(exercise) is { } gradeId ? ReferenceGuard.Screen(gradeId, impl) : impl);

    private static string? GradeIdOf(Exercise exercise) =>
        ModuleSpecs.GradeIds.FirstOrDefault(g => Exercises.Of(g) == exercise && exercise != Exercise.None);

    private static string MissingReason(NotebookOutcome? notebook, string message) => notebook switch
    {
        null => message,
        { Status: "ran" } => $"{message} (the exercise's check cell in {notebook.Name} did not run: see the problems listed for it)",
        _ => $"Not graded: notebook {notebook.Name} is {notebook.Status}.",
    };

    private static string StatusName(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "passed",
        CheckStatus.Failed => "failed",
        CheckStatus.NotImplemented => "not implemented",
        CheckStatus.TimedOut => "timed out",
        _ => "missing",
    };

    private async Task<NotebookOutcome> RunNotebookAsync(string submissionPath, string name, Notebook source, string work, CancellationToken cancellationToken)
    {
        string? path = Directory.Exists(submissionPath)
            ? Path.Combine(submissionPath, name)
            : Path.GetFileName(submissionPath) == name ? submissionPath : null;
        if (path is null || !File.Exists(path))
        {
            return new NotebookOutcome(name, "missing", [$"{name} was not in the submission."]);
        }

        Notebook submitted;
        try
        {
            submitted = NotebookFile.Load(path);
        }
        catch (NotebookFormatException e)
        {
            return new NotebookOutcome(name, "unreadable", [e.Message]);
        }

        if (submitted.Cells.Count == 0)
        {
            return new NotebookOutcome(name, "empty", [$"{name} has no cells."]);
        }

        if (!ModuleNotebooks.AllGradeIds(submitted).Overlaps(ModuleNotebooks.AllGradeIds(source)))
        {
            return new NotebookOutcome(name, "from another module", [$"{name} has none of this notebook's cells: is it the right file?"]);
        }

        var problems = new List<string>();
        var restored = LockedCells.Restore(submitted, source);
        problems.AddRange(restored.Tampering.Select(t => t.ToString()));
        var run = await new NotebookRunner(new NotebookRunOptions { CellTimeout = _options.CellTimeout, KeepGoing = true })
            .RunAsync(GradedPart(restored.Notebook), Path.Combine(work, "notebooks"), cancellationToken);
        foreach (var cell in run.Cells.Where(c => c.Outcome != CellOutcome.Passed))
        {
            problems.Add($"Cell {cell.CellNumber}: {cell.FailureReason ?? cell.Outcome.ToString()}");
        }

        return new NotebookOutcome(name, "ran", problems);
    }

    /// <summary>
    /// The cells grading runs: those nbgrader knows (setup and other read-only cells, solutions, checks).
    /// Demonstrations and charts carry no nbgrader metadata and are left out: they grade nothing and
    /// would only cost time. A cell that exercises depend on must therefore be marked read-only.
    /// </summary>
    private static Notebook GradedPart(Notebook notebook)
    {
        // Marked as markdown-language rather than removed, so cell numbers in feedback match the notebook.
        var part = notebook.Clone();
        foreach (var cell in part.Cells.Where(c => c.Kind == CellKind.Code && c.Metadata["nbgrader"] is null))
        {
            cell.Metadata["polyglot_notebook"] = new System.Text.Json.Nodes.JsonObject { ["kernelName"] = "markdown" };
            cell.Metadata.Remove("dotnet_interactive");
        }

        return part;
    }

    private string PrepareWorkDirectory()
    {
        string work = _options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), $"course-grade-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(work, "notebooks"));
        string lib = Path.Combine(work, "lib");
        if (_options.LibraryDirectory is { } from && !Directory.Exists(lib))
        {
            Directory.CreateDirectory(lib);
            foreach (string file in Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(lib, Path.GetFileName(file)), overwrite: true);
            }
        }

        return work;
    }
}
