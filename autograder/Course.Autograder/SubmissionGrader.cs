using System.Diagnostics;
using Course.Autograder.Preparation;
using Course.Autograder.Screening;
using Course.Autograder.Verdict;
using Course.Grading.Results;
using Course.Notebooks.Execution;
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
    private readonly ModuleNotebooks? _module;
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

    /// <summary>Creates a grader for prepared submissions only (<see cref="GradeAsync(PreparedSubmission, Action{CheckOutcome}?, CancellationToken)"/>).</summary>
    /// <param name="options">Time limits and folders; null for the defaults.</param>
    public SubmissionGrader(GraderOptions? options)
    {
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
        var graded = await GradeAsync(SubmissionPreparation.Prepare(Module, submissionPath), onCheck, cancellationToken);
        return graded with { ContentHash = SubmissionHash.Of(submissionPath) };
    }

    /// <summary>
    /// Grades a submission prepared by <see cref="SubmissionPreparation"/> (locked cells already restored),
    /// without needing the instructor's sources: how the grading process of <c>course grade</c> works.
    /// </summary>
    /// <param name="prepared">The prepared submission.</param>
    /// <param name="onCheck">Told about each check as soon as it has run, so a crash later keeps the points earned.</param>
    /// <param name="cancellationToken">Stops grading.</param>
    /// <returns>The result; its content hash is empty (the caller knows what was prepared).</returns>
    public async Task<SubmissionResult> GradeAsync(PreparedSubmission prepared, Action<CheckOutcome>? onCheck = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var clock = Stopwatch.StartNew();
        var problems = new GradingProblems();
        var usesReference = new List<(Exercise Exercise, string Text)>();
        var (notebooks, recorded) = await RunNotebooksAsync(prepared, problems, usesReference, cancellationToken);
        var checks = RunChecks(recorded, prepared, problems, usesReference, onCheck, notebooks);
        var (status, reason) = problems.Verdict();
        return new SubmissionResult(prepared.StudentId, status, reason, notebooks, checks, "", clock.Elapsed.TotalSeconds);
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
        ArgumentException.ThrowIfNullOrEmpty(submissionPath);
        var usesReference = new List<(Exercise Exercise, string Text)>();
        var (_, recorded) = await RunNotebooksAsync(SubmissionPreparation.Prepare(Module, submissionPath), new GradingProblems(), usesReference, cancellationToken);
        return Screen(recorded, usesReference);
    }

    private ModuleNotebooks Module => _module
        ?? throw new InvalidOperationException("This grader was created for prepared submissions only: create it with the module's notebooks to grade a submission folder.");

    private async Task<(List<NotebookOutcome> Notebooks, Implementation Recorded)> RunNotebooksAsync(
        PreparedSubmission prepared, GradingProblems problems, List<(Exercise Exercise, string Text)> usesReference, CancellationToken cancellationToken)
    {
        string work = PrepareWorkDirectory();
        var notebooks = new List<NotebookOutcome>();
        SubmissionRecorder.Start();
        try
        {
            foreach (var notebook in prepared.Notebooks)
            {
                notebooks.Add(await RunNotebookAsync(notebook, work, problems, usesReference, cancellationToken));
            }
        }
        finally
        {
            SubmissionRecorder.Stop();
        }

        return (notebooks, SubmissionRecorder.Recorded);
    }

    /// <summary>The student id of a submission: its folder's name, or its notebook's name without extension.</summary>
    /// <param name="submissionPath">The submission.</param>
    /// <returns>The id.</returns>
    public static string StudentIdOf(string submissionPath) =>
        Directory.Exists(submissionPath)
            ? new DirectoryInfo(submissionPath).Name
            : Path.GetFileNameWithoutExtension(submissionPath);

    private IReadOnlyList<CheckOutcome> RunChecks(
        Implementation recorded, PreparedSubmission prepared, GradingProblems problems, IReadOnlyList<(Exercise Exercise, string Text)> usesReference,
        Action<CheckOutcome>? onCheck, List<NotebookOutcome> notebooks)
    {
        var implementation = Screen(recorded, usesReference);
        var outcomes = new List<CheckOutcome>();
        // An exercise stuck in an infinite loop would cost its full time limit in every one of its
        // checks, each leaving a spinning thread behind: after its first timeout, the rest of its
        // checks (and the checks that combine exercises) are failed at once.
        var stuck = new HashSet<Exercise>();
        foreach (var spec in ModuleSpecs.All)
        {
            string notebook = prepared.NotebookOf(spec.GradeId) ?? "(not in any notebook)";
            var exercise = Exercises.Of(spec.GradeId);
            var result = stuck.Count > 0 && (stuck.Contains(exercise) || exercise == Exercise.None)
                ? new CheckResult(spec, CheckStatus.TimedOut, $"Not run: an earlier check of {(exercise == Exercise.None ? string.Join(", ", stuck) : exercise)} timed out, so this one would too.", TimeSpan.Zero)
                : SpecRunner.RunOne(spec, implementation, _options.CheckTimeoutScale);
            if (result.Status == CheckStatus.TimedOut && exercise != Exercise.None && stuck.Add(exercise))
            {
                problems.Add(SubmissionStatus.TimedOut, $"{notebook}: {result.Message}");
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

    // Exercises bound to the reference at run time (ReferenceGuard) or built on it in the solution's code
    // (Screening) earn nothing: their checks would only measure the library. A finding also fails the
    // checks that combine exercises, through the factory they call.
    private static Implementation Screen(Implementation recorded, IReadOnlyList<(Exercise Exercise, string Text)> usesReference) =>
        usesReference.Aggregate(
            Enum.GetValues<Exercise>().Aggregate(recorded, (impl, exercise) =>
                GradeIdOf(exercise) is { } gradeId ? ReferenceGuard.Screen(gradeId, impl) : impl),
            (impl, use) => ReferenceGuard.Failing(use.Exercise, impl, $"Not credited: {use.Text}."));

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

    private async Task<NotebookOutcome> RunNotebookAsync(
        PreparedNotebook prepared, string work, GradingProblems problems, List<(Exercise Exercise, string Text)> usesReference, CancellationToken cancellationToken)
    {
        var lines = new List<string>(prepared.Problems);
        foreach (string problem in prepared.Problems)
        {
            problems.Add(prepared.Tampered ? SubmissionStatus.LockedCellRestored : prepared.Status, problem);
        }

        if (prepared.Notebook is null)
        {
            return new NotebookOutcome(prepared.Name, prepared.Status, lines);
        }

        var graded = GradedPart(prepared.Notebook);
        foreach (var call in ReferenceCalls.Find(graded, Path.Combine(work, "lib")))
        {
            string text = $"{prepared.Name} {call.Message}";
            problems.Add(SubmissionStatus.CallsReference, text);
            lines.Add(text);
            usesReference.Add((call.Exercise, text));
        }

        var run = await new NotebookRunner(new NotebookRunOptions { CellTimeout = _options.CellTimeout, KeepGoing = true })
            .RunAsync(graded, Path.Combine(work, "notebooks"), cancellationToken);
        foreach (var cell in run.Cells)
        {
            foreach (var (status, text) in CellProblem.Of(prepared.Name, cell, _options.CellTimeout, _options.Sandboxed ? work : null))
            {
                problems.Add(status, text);
                lines.Add(text);
            }
        }

        return new NotebookOutcome(prepared.Name, "ran", lines);
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
