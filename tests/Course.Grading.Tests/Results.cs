using Course.Grading.Results;

namespace Course.Grading.Tests;

/// <summary>Small hand-made results for the writers' tests.</summary>
internal static class Results
{
    public static CheckOutcome Check(string id, string notebook, double points, bool passed, bool hidden = false, string message = "expected 3, but it was 4") =>
        new(id, id + "-cell", notebook, "Title of " + id, points, passed ? points : 0, passed ? "passed" : "failed",
            passed ? "" : message, "hint for " + id, hidden, null);

    public static SubmissionResult Submission(string id, params CheckOutcome[] checks) =>
        new(id, SubmissionResult.Graded, "", [new NotebookOutcome("01-a.ipynb", "ran", []), new NotebookOutcome("02-b.ipynb", "ran", [])], checks, "hash-" + id, 1.5);
}
