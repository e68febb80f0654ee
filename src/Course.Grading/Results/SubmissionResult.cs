namespace Course.Grading.Results;

/// <summary>The graded result of one submission: what the gradebook, feedback and Gradescope files are made from.</summary>
/// <param name="StudentId">The student's id (the submission folder's or notebook's name).</param>
/// <param name="Status"><see cref="SubmissionStatus.Graded"/>, or the most serious problem found (compile error, timed out, crashed, ...).</param>
/// <param name="Reason">The student-facing reason for a status other than graded, naming notebook, cell and line where known.</param>
/// <param name="Notebooks">What happened to each notebook.</param>
/// <param name="Checks">Every check, passed or not.</param>
/// <param name="ContentHash">A hash of the submission's files and the grader's version: unchanged means no need to regrade.</param>
/// <param name="Seconds">Wall time spent grading it.</param>
public sealed record SubmissionResult(
    string StudentId, SubmissionStatus Status, string Reason, IReadOnlyList<NotebookOutcome> Notebooks,
    IReadOnlyList<CheckOutcome> Checks, string ContentHash, double Seconds)
{
    /// <summary>
    /// Where the grading time went, in seconds by phase (<c>start</c>: the runner's start until it ran its first cell;
    /// <c>notebooks</c>: the notebooks; <c>checks</c>: every check), when the grader measured it: for the instructor
    /// and the grading benchmark, never for the score.
    /// </summary>
    public IReadOnlyDictionary<string, double>? Phases { get; init; }

    /// <summary>Points earned.</summary>
    public double Score => Checks.Sum(c => c.Score);

    /// <summary>Points available.</summary>
    public double MaxScore => Checks.Sum(c => c.Points);
}
