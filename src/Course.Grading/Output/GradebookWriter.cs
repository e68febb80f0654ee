using System.Globalization;
using System.Text;
using Course.Grading.Results;

namespace Course.Grading.Output;

/// <summary>
/// Writes <c>gradebook.csv</c>: one row per student with the raw score of each notebook (blank for a notebook a
/// student's submission was not graded on: it was another single notebook), the total
/// raw score, the maximum, the score as a percentage, and the grading status, in the column style of
/// nbgrader's export (student_id, raw_score, max_score, score). Every field goes through <see cref="CsvText"/>: a
/// student id or reason that looks like a formula opens as text.
/// </summary>
public static class GradebookWriter
{
    /// <summary>The gradebook's file name in a run's output folder.</summary>
    public const string FileName = "gradebook.csv";

    /// <summary>The gradebook as CSV text, students in order of id.</summary>
    /// <param name="results">One result per student.</param>
    /// <param name="notebooks">The module's notebooks, in order: one score column each.</param>
    /// <returns>The CSV, with a header row.</returns>
    public static string ToCsv(IEnumerable<SubmissionResult> results, IReadOnlyList<string> notebooks)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(notebooks);
        var sb = new StringBuilder();
        Row(sb, ["student_id", .. notebooks, "raw_score", "max_score", "score", "status", "reason"]);
        foreach (var r in results.OrderBy(r => r.StudentId, StringComparer.Ordinal))
        {
            // Blank for a notebook the submission was not graded on (it was one notebook file): not a 0 it earned.
            var perNotebook = notebooks.Select(n => r.Notebooks.Any(o => o.Name == n) || r.Checks.Any(c => c.Notebook == n)
                ? Number(r.Checks.Where(c => c.Notebook == n).Sum(c => c.Score))
                : "");
            double percent = r.MaxScore > 0 ? 100 * r.Score / r.MaxScore : 0;
            Row(sb, [r.StudentId, .. perNotebook, Number(r.Score), Number(r.MaxScore), Number(Math.Round(percent, 1)), r.Status, r.Reason]);
        }

        return sb.ToString();
    }

    /// <summary>Writes the gradebook to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="results">One result per student.</param>
    /// <param name="notebooks">The module's notebooks, in order.</param>
    public static void Write(string path, IEnumerable<SubmissionResult> results, IReadOnlyList<string> notebooks) =>
        AtomicFile.WriteAllText(path, ToCsv(results, notebooks));

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder sb, IEnumerable<string> cells) => sb.Append(CsvText.Row(cells));
}
