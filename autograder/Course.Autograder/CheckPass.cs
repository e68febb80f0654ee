using Course.Autograder.Problems;
using Course.Grading.Output;
using Course.Grading.Results;
using Course.Specs;
using Course.Specs.Core;

namespace Course.Autograder;

/// <summary>
/// Runs every check of the module against an implementation, in order, turning each result into the outcome the
/// gradebook shows: whether the code under test runs here (in-process grading) or behind the boundary.
/// </summary>
/// <remarks>
/// An exercise stuck in an infinite loop would cost its full time limit in every one of its checks, each leaving a
/// thread behind: after its first timeout, its other checks (and those that combine exercises) fail at once. A
/// check that fails because the code used a withheld reference answer makes the submission "calls reference".
/// </remarks>
/// <param name="options">Time limits.</param>
/// <param name="notebookOf">The notebook of each grade_id.</param>
/// <param name="notebooks">What happened to each notebook graded (every module notebook for a folder, the one for a single notebook file): only their checks run.</param>
public sealed class CheckPass(GraderOptions options, Func<string, string?> notebookOf, IReadOnlyList<NotebookOutcome> notebooks)
{
    /// <summary>What a failure message starts with when the code used a withheld reference answer.</summary>
    public const string NotCredited = "Not credited:";

    /// <summary>Called before each check, with its id (for what grading is doing, should it run out of time).</summary>
    public Action<string>? Starting { get; init; }

    /// <summary>Called before each check, with the exercise it grades.</summary>
    public Action<Exercise>? BeforeCheck { get; init; }

    /// <summary>Called after each check (to release what it made).</summary>
    public Action? AfterCheck { get; init; }

    /// <summary>When true, the code under test is gone (its runner ended): the remaining checks are not run.</summary>
    public Func<bool> Ended { get; init; } = () => false;

    /// <summary>
    /// The notebooks with a cell that did not compile: there a check cell finds the library's class of the same name
    /// (withheld while grading) instead of the student's, and its checks say so rather than "calls the reference".
    /// </summary>
    public IReadOnlySet<string> NotCompiled { get; init; } = new HashSet<string>();

    /// <summary>Told about each outcome as soon as it is known.</summary>
    public Action<CheckOutcome>? OnCheck { get; init; }

    /// <summary>Runs every check.</summary>
    /// <param name="implementation">The implementation under test.</param>
    /// <param name="problems">Where problems (a timed-out exercise, a withheld reference) are recorded.</param>
    /// <returns>One outcome per check of the notebooks graded (the module's, for a folder), in order.</returns>
    public IReadOnlyList<CheckOutcome> Run(Implementation implementation, GradingProblems problems)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        ArgumentNullException.ThrowIfNull(problems);
        var outcomes = new List<CheckOutcome>();
        var stuck = new HashSet<Exercise>();
        var noted = new HashSet<string>(StringComparer.Ordinal);
        var earlier = new Dictionary<string, CheckResult>(StringComparer.Ordinal);
        // A single notebook is graded on its own checks: those of the notebooks in `notebooks`, which is the module's
        // every notebook for a folder.
        var graded = notebooks.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var spec in ModuleSpecs.All.Where(s => notebookOf(s.GradeId) is not { } of || graded.Contains(of)))
        {
            string notebook = notebookOf(spec.GradeId) ?? "(not in any notebook)";
            var exercise = Exercises.Of(spec.GradeId);
            CheckResult result;
            if (Ended())
            {
                result = new CheckResult(spec, CheckStatus.Missing, "Not run: grading ended early.", TimeSpan.Zero);
            }
            else if (stuck.Count > 0 && (stuck.Contains(exercise) || exercise == Exercise.None))
            {
                result = new CheckResult(spec, CheckStatus.TimedOut,
                    $"Not run: an earlier check of {(exercise == Exercise.None ? string.Join(", ", stuck) : exercise)} timed out, so this one would too.", TimeSpan.Zero);
            }
            else
            {
                Starting?.Invoke(spec.Id);
                BeforeCheck?.Invoke(exercise);
                try
                {
                    // A failure that may follow from an earlier one says so, as it does in the notebook's check cell.
                    result = FailureChain.Annotate(SpecRunner.RunOne(spec, implementation, options.CheckTimeoutScale), earlier);
                }
                finally
                {
                    AfterCheck?.Invoke();
                }
            }

            earlier[spec.Id] = result;
            if (result.Status == CheckStatus.TimedOut && exercise != Exercise.None && stuck.Add(exercise))
            {
                problems.Add(new Problem(new ProblemLocation(notebook), SubmissionStatus.TimedOut, $"{notebook}: {result.Message}"));
            }

            if (result.Message.StartsWith(NotCredited, StringComparison.Ordinal))
            {
                if (NotCompiled.Contains(notebook))
                {
                    result = result with { Message = NotCompiledMessage(notebook, exercise) };
                }
                else if (noted.Add(notebook + exercise))
                {
                    problems.Add(new Problem(new ProblemLocation(notebook), SubmissionStatus.CallsReference, $"{notebook}: {result.Message}"));
                }
            }

            string message = result.Status == CheckStatus.Missing && !Ended()
                ? MissingReason(notebooks.FirstOrDefault(n => n.Name == notebook), result.Message)
                : result.Message;
            var outcome = Unrun(spec, notebook) with
            {
                Score = result.Score,
                Status = StatusOf(result.Status),
                Message = message,
                Measured = result.Measured,
                Seconds = Math.Round(result.Elapsed.TotalSeconds, 3),
            };
            outcomes.Add(outcome);
            OnCheck?.Invoke(outcome);
        }

        return outcomes;
    }

    // Two causes the grader cannot tell apart here, named both: a solution cell that failed to compile is the usual one.
    private static string NotCompiledMessage(string notebook, Exercise exercise) =>
        $"Not graded: a cell of {notebook} did not compile (see its compile error), so the check found the library's "
        + $"{exercise.StudentName} in place of yours, which is withheld while grading. "
        + "Expected your own class: fix the compile error first.";

    private static string MissingReason(NotebookOutcome? notebook, string message) => notebook switch
    {
        null => message,
        { Status: NotebookStatus.Ran } => $"{message} (the exercise's check cell in {notebook.Name} did not run: see the problems listed for it)",
        _ => NotebookStatusText.Sentence(notebook) ?? message,
    };

    /// <summary>
    /// A check of the module as it stands before it runs (score 0, <see cref="CheckOutcomeStatus.NotRun"/>): what a
    /// submission that cannot be graded at all is reported with, so its maximum stays the module's.
    /// </summary>
    /// <param name="spec">The check.</param>
    /// <param name="notebook">The notebook of its check cell.</param>
    /// <returns>The outcome.</returns>
    public static CheckOutcome Unrun(Spec spec, string notebook)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new CheckOutcome
        {
            Id = spec.Id,
            GradeId = spec.GradeId,
            Notebook = notebook,
            Title = spec.Title,
            Points = spec.Points,
            Status = CheckOutcomeStatus.NotRun,
            Hint = spec.Hint,
            Hidden = spec.Hidden,
        };
    }

    private static CheckOutcomeStatus StatusOf(CheckStatus status) => status switch
    {
        CheckStatus.Passed => CheckOutcomeStatus.Passed,
        CheckStatus.Failed => CheckOutcomeStatus.Failed,
        CheckStatus.NotImplemented => CheckOutcomeStatus.NotImplemented,
        CheckStatus.TimedOut => CheckOutcomeStatus.TimedOut,
        _ => CheckOutcomeStatus.Missing,
    };
}
