using System.Globalization;
using System.Text;
using Course.Grading.LateSubmissions;
using Course.Grading.Results;
using Course.Notebooks.Files;

namespace Course.Grading.Output;

/// <summary>
/// Writes <c>gradebook.csv</c>: one row per student with the raw score of each notebook (blank for a notebook a
/// student's submission was not graded on: it was another single notebook), the total
/// raw score, the maximum, the score as a percentage, and the grading status, in the column style of
/// nbgrader's export (student_id, raw_score, max_score, score). Every field goes through <see cref="CsvText"/>: a
/// student id or reason that looks like a formula opens as text.
/// </summary>
/// <remarks>
/// When the run knows submission times or a due date, two of nbgrader's export columns follow: <c>timestamp</c>
/// (ISO 8601 with offset; empty when unknown) and <c>late_submission_penalty</c> (points), and <c>score</c> is then
/// the percentage after the penalty (<c>raw_score</c> stays the points earned). Without them the columns are left out,
/// so a gradebook read by position keeps its shape.
/// </remarks>
public static class GradebookWriter
{
    /// <summary>The gradebook's file name in a run's output folder.</summary>
    public const string FileName = "gradebook.csv";

    /// <summary>The gradebook as CSV text, students in order of id.</summary>
    /// <param name="results">One result per student.</param>
    /// <param name="notebooks">The module's notebooks, in order: one score column each.</param>
    /// <param name="lateness">
    /// Each result's timestamp and late penalty (<see cref="LatePolicy.Assess"/>); null leaves the <c>timestamp</c> and
    /// <c>late_submission_penalty</c> columns out.
    /// </param>
    /// <returns>The CSV, with a header row.</returns>
    public static string ToCsv(IEnumerable<SubmissionResult> results, IReadOnlyList<string> notebooks, Func<SubmissionResult, Lateness>? lateness = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(notebooks);
        var sb = new StringBuilder();
        string[] late = lateness is null ? [] : ["timestamp", "late_submission_penalty"];
        Row(sb, ["student_id", .. notebooks, "raw_score", "max_score", "score", "status", "reason", .. late]);
        foreach (var r in results.OrderBy(r => r.StudentId, StringComparer.Ordinal))
        {
            // Blank for a notebook the submission was not graded on (it was one notebook file): not a 0 it earned.
            var perNotebook = notebooks.Select(n => r.Notebooks.Any(o => o.Name == n) || r.Checks.Any(c => c.Notebook == n)
                ? Number(r.Checks.Where(c => c.Notebook == n).Sum(c => c.Score))
                : "");
            var l = lateness?.Invoke(r) ?? Lateness.Unknown;
            double percent = r.MaxScore > 0 ? 100 * (r.Score - l.Penalty) / r.MaxScore : 0;
            string[] lateCells = lateness is null ? [] : [l.Timestamp is { } t ? LatePolicy.Format(t) : "", Number(l.Penalty)];
            Row(sb, [r.StudentId, .. perNotebook, Number(r.Score), Number(r.MaxScore), Number(Math.Round(percent, 1)), StatusWords.Of(r.Status), r.Reason, .. lateCells]);
        }

        return sb.ToString();
    }

    /// <summary>Writes the gradebook to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="results">One result per student.</param>
    /// <param name="notebooks">The module's notebooks, in order.</param>
    /// <param name="lateness">As for <see cref="ToCsv"/>.</param>
    public static void Write(string path, IEnumerable<SubmissionResult> results, IReadOnlyList<string> notebooks, Func<SubmissionResult, Lateness>? lateness = null) =>
        AtomicFile.WriteAllText(path, ToCsv(results, notebooks, lateness));

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder sb, IEnumerable<string> cells) => sb.Append(CsvText.Row(cells));
}
