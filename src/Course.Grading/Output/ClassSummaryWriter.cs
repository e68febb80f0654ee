using System.Globalization;
using System.Text;
using Course.Grading.Results;

namespace Course.Grading.Output;

/// <summary>
/// Writes the class summary page: a histogram of scores (inline SVG) and the pass rate of every check (a table with
/// bars), so the page opens offline in any browser with no script at all, and every student with a link to their
/// feedback. Every text from a submission goes through <see cref="HtmlText"/>.
/// </summary>
public static class ClassSummaryWriter
{
    /// <summary>The summary's file name in a run's output folder.</summary>
    public const string FileName = "summary.html";

    private const int Width = 720;

    /// <summary>The summary as a standalone HTML page.</summary>
    /// <param name="results">Every graded submission.</param>
    /// <param name="gradingNote">How the run graded (sandboxed or not, its limits), shown under the title; null for none.</param>
    /// <param name="folderOf">
    /// The folder, beside the summary, of a student's files, for the link to their feedback; null:
    /// <see cref="StudentFolder.NameOf"/>.
    /// </param>
    /// <returns>The HTML text.</returns>
    public static string ToHtml(IReadOnlyList<SubmissionResult> results, string? gradingNote = null, Func<string, string>? folderOf = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        folderOf ??= StudentFolder.NameOf;
        var sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Class summary</title>")
            .Append("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left;vertical-align:top}")
            .Append(".pass-rates td:first-child{white-space:nowrap}.pass-rates td.rate{text-align:right}.bar{width:12em;height:0.9em;background:#eee}.bar div{height:100%;background:#54a24b}</style></head><body><h1>Class summary</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p>{results.Count} submission(s); mean score {Mean(results):0.#}%.</p>");
        if (gradingNote is not null)
        {
            sb.Append("<p class=\"grading-note\">").Append(HtmlText.Escape(gradingNote)).Append("</p>");
        }

        sb.Append("<h2>Score histogram</h2>").Append(Histogram(results));
        sb.Append("<h2>Pass rate per check</h2>").Append(PassRates(results));
        sb.Append("<h2>Students</h2>").Append(Students(results, folderOf));
        return sb.Append("</body></html>").ToString();
    }

    /// <summary>Pass rate per check id, in the order the checks appear.</summary>
    /// <param name="results">Every graded submission.</param>
    /// <returns>(check title, fraction of submissions that passed it).</returns>
    public static IReadOnlyList<(string Check, double PassRate)> PassRateByCheck(IReadOnlyList<SubmissionResult> results) =>
        results.SelectMany(r => r.Checks).GroupBy(c => c.Id)
            .Select(g => ($"{g.First().Notebook} · {g.First().Title}", g.Count(c => c.Score >= c.Points) / (double)Math.Max(1, results.Count)))
            .ToList();

    /// <summary>How many submissions scored in each tenth of the maximum (0-10%, ..., 90-100%).</summary>
    /// <param name="results">Every graded submission.</param>
    /// <returns>Ten counts.</returns>
    public static int[] ScoreBins(IReadOnlyList<SubmissionResult> results)
    {
        var bins = new int[10];
        foreach (var r in results)
        {
            double percent = r.MaxScore > 0 ? 100 * r.Score / r.MaxScore : 0;
            bins[Math.Clamp((int)(percent / 10), 0, 9)]++;
        }

        return bins;
    }

    private static double Mean(IReadOnlyList<SubmissionResult> results) =>
        results.Count == 0 ? 0 : results.Average(r => r.MaxScore > 0 ? 100 * r.Score / r.MaxScore : 0);

    private static string Histogram(IReadOnlyList<SubmissionResult> results)
    {
        int[] bins = ScoreBins(results);
        int max = Math.Max(1, bins.Max());
        // top: room above the tallest bar for its count, which was drawn outside the picture before.
        const int height = 200, barWidth = 60, top = 18;
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"Score histogram\" width=\"{Width}\" height=\"{top + height + 44}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (int i = 0; i < bins.Length; i++)
        {
            int h = bins[i] * height / max;
            int x = 40 + i * (barWidth + 6);
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{top + height - h}\" width=\"{barWidth}\" height=\"{h}\" fill=\"#4c78a8\"><title>{i * 10}-{i * 10 + 10}%: {bins[i]}</title></rect>")
              .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + barWidth / 2}\" y=\"{top + height + 18}\" font-size=\"11\" text-anchor=\"middle\">{i * 10}-{i * 10 + 10}%</text>")
              .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + barWidth / 2}\" y=\"{top + height - h - 4}\" font-size=\"11\" text-anchor=\"middle\">{bins[i]}</text>");
        }

        return sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{top + height + 36}\" font-size=\"12\" text-anchor=\"middle\">score (% of maximum); bar height: number of submissions</text></svg>").ToString();
    }

    // A table, not an SVG: a check's title is as long as it needs to be, and SVG text neither wraps nor widens its
    // picture, so long titles were cut off at the picture's edge.
    private static string PassRates(IReadOnlyList<SubmissionResult> results)
    {
        var sb = new StringBuilder("<table class=\"pass-rates\"><tr><th>Notebook</th><th>Check</th><th colspan=\"2\">Submissions passing</th></tr>");
        foreach (var (notebook, title, rate) in results.SelectMany(r => r.Checks).GroupBy(c => c.Id)
            .Select(g => (g.First().Notebook, g.First().Title, Rate: g.Count(c => c.Score >= c.Points) / (double)Math.Max(1, results.Count))))
        {
            sb.Append("<tr><td>").Append(HtmlText.Escape(notebook)).Append("</td><td>").Append(HtmlText.Escape(title)).Append("</td>")
              .Append(CultureInfo.InvariantCulture, $"<td class=\"rate\">{rate * 100:0}%</td>")
              .Append(CultureInfo.InvariantCulture, $"<td><div class=\"bar\"><div style=\"width:{rate * 100:0}%\"></div></div></td></tr>");
        }

        return sb.Append("</table>").ToString();
    }

    // The link goes by the student's folder name (always a plain name), never by the id, which may be anything.
    private static string Students(IReadOnlyList<SubmissionResult> results, Func<string, string> folderOf)
    {
        var sb = new StringBuilder("<table><tr><th>Student</th><th>Score</th><th>Status</th></tr>");
        foreach (var r in results.OrderBy(r => r.StudentId, StringComparer.Ordinal))
        {
            sb.Append("<tr><td><a href=\"").Append(HtmlText.UrlSegment(folderOf(r.StudentId))).Append('/').Append(FeedbackWriter.HtmlFileName).Append("\">")
              .Append(HtmlText.Escape(r.StudentId)).Append("</a></td><td>")
              .Append(CultureInfo.InvariantCulture, $"{r.Score:0.##}/{r.MaxScore:0.##}").Append("</td><td>")
              .Append(HtmlText.Escape(StatusWords.Of(r.Status))).Append("</td></tr>");
        }

        return sb.Append("</table>").ToString();
    }
}
