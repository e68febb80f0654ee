using Course.Grading.Results;

namespace Course.Grading.Tests;

/// <summary>Small hand-made results for the writers' tests.</summary>
internal static class Results
{
    public static CheckOutcome Check(string id, string notebook, double points, bool passed, bool hidden = false, string message = "expected 3, but it was 4") =>
        new()
        {
            Id = id,
            GradeId = id + "-cell",
            Notebook = notebook,
            Title = "Title of " + id,
            Points = points,
            Score = passed ? points : 0,
            Status = passed ? CheckOutcomeStatus.Passed : CheckOutcomeStatus.Failed,
            Message = passed ? "" : message,
            Hint = "hint for " + id,
            Hidden = hidden,
        };

    public static SubmissionResult Submission(string id, params CheckOutcome[] checks) =>
        new(id, SubmissionStatus.Graded, "", [new NotebookOutcome("01-a.ipynb", NotebookStatus.Ran, []), new NotebookOutcome("02-b.ipynb", NotebookStatus.Ran, [])], checks, "hash-" + id, 1.5);
}
