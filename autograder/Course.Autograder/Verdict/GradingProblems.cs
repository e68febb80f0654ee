using Course.Grading.Results;

namespace Course.Autograder.Verdict;

/// <summary>
/// The problems found while grading one submission, each with the status it would give: the
/// submission's status is the most serious one's, and its reason names the problems of that status
/// first (notebook, cell and line), then how many others there were.
/// </summary>
public sealed class GradingProblems
{
    private const int ReasonsShown = 3;
    private readonly List<(string Status, string Text)> _problems = [];

    /// <summary>Records a problem.</summary>
    /// <param name="status">The status it gives (a <see cref="SubmissionStatus"/> word).</param>
    /// <param name="text">The student-facing line, naming where it happened.</param>
    public void Add(string status, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(status);
        ArgumentException.ThrowIfNullOrEmpty(text);
        _problems.Add((status, text));
    }

    /// <summary>The submission's status and reason: <see cref="SubmissionStatus.Graded"/> and an empty reason when nothing went wrong.</summary>
    /// <returns>The status and reason.</returns>
    public (string Status, string Reason) Verdict()
    {
        if (_problems.Count == 0)
        {
            return (SubmissionStatus.Graded, "");
        }

        string status = _problems.MinBy(p => SubmissionStatus.Rank(p.Status)).Status;
        var first = _problems.Where(p => p.Status == status).Select(p => p.Text).Distinct().ToList();
        var shown = first.Take(ReasonsShown).ToList();
        int others = _problems.Count - shown.Count;
        string reason = string.Join(" ", shown.Select(EndSentence));
        if (others > 0)
        {
            // Read in the gradebook too, where nothing is "below": the feedback is where they are.
            reason += $" ({others} more problem{(others == 1 ? "" : "s")}, listed notebook by notebook in the feedback.)";
        }

        return (status, reason);
    }

    private static string EndSentence(string text) => text.EndsWith('.') || text.EndsWith('?') || text.EndsWith(')') ? text : text + ".";
}
