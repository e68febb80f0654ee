using Course.Autograder.Preparation;
using Course.Boundary;
using Course.Grading.Results;

namespace Course.Autograder.Problems;

/// <summary>
/// The grading step after the notebooks ran: what happened to each notebook (ran, or why not) and the problems of its
/// preparation (a restored locked cell, a missing notebook) and of its cells (a compile error, an exception), whether
/// the cells ran in a sandboxed runner or in this process.
/// </summary>
public static class NotebookProblems
{
    // A ready notebook's lines are its restored locked cells, so this is never used; should that change, such a line
    // ranks as the least serious problem, as an unknown status word did.
    private const SubmissionStatus LeastSerious = SubmissionStatus.Graded - 1;

    /// <summary>Records every notebook's problems in <paramref name="problems"/> and returns what happened to each.</summary>
    /// <param name="prepared">The submission as prepared.</param>
    /// <param name="cellsOf">What ran of each ready notebook's cells, by notebook name (none for a notebook that never ran).</param>
    /// <param name="cellTimeout">The cell time limit, for the reason of a timed-out cell.</param>
    /// <param name="sandboxWorkDirectory">The work folder when the cells ran in the sandbox; null when not sandboxed.</param>
    /// <param name="problems">Where the problems go.</param>
    /// <returns>One outcome per notebook, in order; its lines are its notes, then its problems.</returns>
    public static IReadOnlyList<NotebookOutcome> Record(
        PreparedSubmission prepared, Func<string, IEnumerable<CellFacts>> cellsOf, TimeSpan cellTimeout, string? sandboxWorkDirectory, GradingProblems problems)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(cellsOf);
        ArgumentNullException.ThrowIfNull(problems);
        var outcomes = new List<NotebookOutcome>();
        foreach (var notebook in prepared.Notebooks)
        {
            var lines = new List<string>([.. notebook.Notes, .. notebook.Problems]);
            var location = new ProblemLocation(notebook.Name);
            // A notebook that cannot run says why; one that can has only restored locked cells to report before it runs.
            var status = notebook.Tampered ? SubmissionStatus.LockedCellRestored : SubmissionStatusOf.Notebook(notebook.Status);
            foreach (string line in notebook.Problems)
            {
                problems.Add(new Problem(location, status ?? LeastSerious, line));
            }

            if (notebook.Notebook is null)
            {
                outcomes.Add(new NotebookOutcome(notebook.Name, notebook.Status, lines));
                continue;
            }

            foreach (var problem in cellsOf(notebook.Name).SelectMany(cell => CellProblem.Of(cell, cellTimeout, sandboxWorkDirectory)))
            {
                problems.Add(problem);
                lines.Add(problem.Message);
            }

            outcomes.Add(new NotebookOutcome(notebook.Name, NotebookStatus.Ran, lines));
        }

        return outcomes;
    }
}
