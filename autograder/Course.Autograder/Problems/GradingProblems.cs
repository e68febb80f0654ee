using Course.Grading.Results;

namespace Course.Autograder.Problems;

/// <summary>
/// The problems found while grading one submission: the submission's status is the most serious one's (the smallest
/// <see cref="SubmissionStatus"/>), and its reason names the problems of that status first (notebook, cell and line),
/// then how many others there were.
/// </summary>
public sealed class GradingProblems
{
    private const int ReasonsShown = 3;
    private readonly List<Problem> _problems = [];

    /// <summary>Every problem recorded, in order.</summary>
    public IReadOnlyList<Problem> All => _problems;

    /// <summary>Records a problem.</summary>
    /// <param name="problem">The problem.</param>
    public void Add(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        _problems.Add(problem);
    }

    /// <summary>The notebooks with a problem of <paramref name="status"/>.</summary>
    /// <param name="status">A status.</param>
    /// <returns>Their names.</returns>
    public IReadOnlySet<string> NotebooksWith(SubmissionStatus status) =>
        _problems.Where(p => p.Status == status).Select(p => p.Location.Notebook).ToHashSet(StringComparer.Ordinal);

    /// <summary>The submission's status and reason: <see cref="SubmissionVerdict.Graded"/> when nothing went wrong.</summary>
    /// <returns>The verdict.</returns>
    public SubmissionVerdict Verdict()
    {
        if (_problems.Count == 0)
        {
            return SubmissionVerdict.Graded;
        }

        // The enum's order is the severity: the least value is the most serious.
        var status = _problems.Min(p => p.Status);
        var first = _problems.Where(p => p.Status == status).Select(p => p.Message).Distinct().ToList();
        var shown = first.Take(ReasonsShown).ToList();
        int others = _problems.Count - shown.Count;
        string reason = string.Join(" ", shown.Select(EndSentence));
        if (others > 0)
        {
            // Read in the gradebook too, where nothing is "below": the feedback is where they are.
            reason += $" ({others} more problem{(others == 1 ? "" : "s")}, listed notebook by notebook in the feedback.)";
        }

        return new SubmissionVerdict(status, reason);
    }

    private static string EndSentence(string text) => text.EndsWith('.') || text.EndsWith('?') || text.EndsWith(')') ? text : text + ".";
}
