using System.Diagnostics;
using Course.Autograder.Grading;
using Course.Autograder.Preparation;
using Course.Autograder.Problems;
using Course.Boundary;
using Course.Grading.Results;
using Course.Notebooks.Execution;
using Course.Specs.Core;

namespace Course.Autograder;

/// <summary>
/// Grades one module 05 submission in this process, unsandboxed: restores each notebook's locked cells, runs the
/// graded part of the notebooks with the check cells recording the student's exercises, then runs every check.
/// </summary>
/// <remarks>
/// For instructors looking into one submission (<c>course grade-submission</c>) and for the xunit grading specs
/// (<c>COURSE_SUBMISSION</c>). Student code runs in this process with the full libraries, so this is no defence
/// against a hostile submission: <c>course grade</c> runs each one in a sandboxed runner and checks it from
/// outside (<see cref="Boundary.RemoteGrader"/>, docs/SANDBOX.md).
/// </remarks>
/// <param name="module">The instructor's source notebooks.</param>
/// <param name="options">Time limits and folders; null for the defaults.</param>
public sealed class SubmissionGrader(ModuleNotebooks module, GraderOptions? options = null)
{
    private readonly GraderOptions _options = options ?? new GraderOptions();

    /// <summary>Grades the submission at <paramref name="submissionPath"/> (a folder of notebooks, or one notebook).</summary>
    /// <param name="submissionPath">The submission.</param>
    /// <param name="onCheck">Told about each check as soon as it has run.</param>
    /// <param name="cancellationToken">Stops grading.</param>
    /// <returns>The result.</returns>
    public async Task<SubmissionResult> GradeAsync(string submissionPath, Action<CheckOutcome>? onCheck = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(submissionPath);
        var clock = Stopwatch.StartNew();
        // Read once: what is prepared and what is fingerprinted are the same bytes.
        var files = SubmissionFiles.Read(submissionPath, module.Names);
        var prepared = SubmissionPreparation.Prepare(module, files);
        var problems = new GradingProblems();
        var (notebooks, recorded) = await RunNotebooksAsync(prepared, problems, cancellationToken).ConfigureAwait(false);
        var checks = new CheckPass(_options, prepared.NotebookOf, notebooks) { OnCheck = onCheck }.Run(Screen(recorded), problems);
        var verdict = problems.Verdict();
        return new SubmissionResult(prepared.StudentId, verdict.Status, verdict.Reason, notebooks, checks, SubmissionHash.Of(files), clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Runs a submission's notebooks and returns the implementation its check cells recorded, without running any
    /// check: how the xunit grading specs get "the implementation under test".
    /// </summary>
    /// <param name="submissionPath">The submission.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The recorded implementation, screened against the reference library standing in.</returns>
    public async Task<Implementation> LoadImplementationAsync(string submissionPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(submissionPath);
        var (_, recorded) = await RunNotebooksAsync(SubmissionPreparation.Prepare(module, submissionPath), new GradingProblems(), cancellationToken).ConfigureAwait(false);
        return Screen(recorded);
    }

    /// <summary>
    /// The student id of a submission: its notebook's name without extension when it is one notebook file (the whole
    /// name when that would leave nothing, as for <c>.ipynb</c>), else its name (a folder's, or a link's: a link is not
    /// followed to find out what it names). Only a name, and the student's to choose: any text at all, which the
    /// grading run keeps as data and never uses as a path (<see cref="Course.Grading.Output.StudentFolder"/>).
    /// </summary>
    /// <param name="submissionPath">The submission.</param>
    /// <returns>The id, never empty for a path that names a file or folder.</returns>
    public static string StudentIdOf(string submissionPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(submissionPath);
        string path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(submissionPath));
        string name = Path.GetFileName(path);
        if (!SubmissionFiles.IsRegularFile(path))
        {
            return name;
        }

        string stem = Path.GetFileNameWithoutExtension(path);
        return stem.Length > 0 ? stem : name;
    }

    // A student class that did not compile leaves its name bound to the library's: its checks would only measure the library.
    private static Implementation Screen(Implementation recorded) =>
        Exercises.All.Aggregate(recorded, (impl, exercise) => ReferenceGuard.Screen(exercise.GradeIds[0], impl));

    private async Task<(IReadOnlyList<NotebookOutcome> Notebooks, Implementation Recorded)> RunNotebooksAsync(
        PreparedSubmission prepared, GradingProblems problems, CancellationToken cancellationToken)
    {
        var work = PrepareWorkDirectory();
        var cells = new Dictionary<string, IReadOnlyList<CellFacts>>(StringComparer.Ordinal);
        SubmissionRecorder.Start();
        try
        {
            foreach (var notebook in prepared.Notebooks.Where(n => n.Notebook is not null))
            {
                var run = await new NotebookRunner(new NotebookRunOptions { CellTimeout = _options.CellTimeout, KeepGoing = true })
                    .RunAsync(GradedPart.Of(notebook.Notebook!), work.Notebooks, cancellationToken).ConfigureAwait(false);
                cells[notebook.Name] = [.. run.Cells.Select(cell => CellFacts.Of(notebook.Name, cell))];
            }
        }
        finally
        {
            SubmissionRecorder.Stop();
        }

        var notebooks = NotebookProblems.Record(prepared, name => cells.GetValueOrDefault(name, []), _options.CellTimeout, null, problems);
        return (notebooks, SubmissionRecorder.Recorded);
    }

    private WorkFolder PrepareWorkDirectory()
    {
        var work = new WorkFolder(_options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), $"course-grade-{Environment.ProcessId}-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(work.Notebooks);
        // A work folder used again keeps the libraries it has.
        if (_options.LibraryDirectory is { } from && !Directory.Exists(work.Library))
        {
            work.CopyLibrary(from);
        }

        return work;
    }
}
