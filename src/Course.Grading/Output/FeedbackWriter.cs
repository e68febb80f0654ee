using System.Globalization;
using System.Text;
using Course.Grading.Results;

namespace Course.Grading.Output;

/// <summary>
/// Writes a student's feedback, in Markdown and in HTML: the score, anything that went wrong while
/// running the notebooks, and every check with its points and result. A failed visible check shows
/// what was expected and what was seen, with a hint; a hidden check shows its name and result only. The id, the
/// reason and the messages may quote a submission's text: each goes through <see cref="MarkdownText"/> or
/// <see cref="HtmlText"/>, so none of it becomes a link, an image, a table cell, a tag or a script.
/// </summary>
public static class FeedbackWriter
{
    /// <summary>The Markdown feedback's file name in a student's folder.</summary>
    public const string MarkdownFileName = "feedback.md";

    /// <summary>The HTML feedback's file name in a student's folder.</summary>
    public const string HtmlFileName = "feedback.html";

    /// <summary>The feedback as Markdown.</summary>
    /// <param name="result">The graded submission.</param>
    /// <returns>The Markdown text.</returns>
    public static string ToMarkdown(SubmissionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        // A code span: a name reads exactly as it is, and not even a bare web address in it becomes a link.
        sb.Append("# Feedback for ").AppendLine(MarkdownText.Code(result.StudentId)).AppendLine();
        sb.Append("**Score: ").Append(N(result.Score)).Append(" / ").Append(N(result.MaxScore)).AppendLine("**").AppendLine();
        if (result.Status != SubmissionStatus.Graded)
        {
            sb.Append("**Status: ").Append(M(StatusWords.Of(result.Status))).Append(".** ").AppendLine(M(result.Reason)).AppendLine();
        }

        foreach (var notebook in result.Notebooks)
        {
            var checks = result.Checks.Where(c => c.Notebook == notebook.Name).ToList();
            sb.Append("## ").Append(M(notebook.Name)).Append(" (").Append(N(checks.Sum(c => c.Score))).Append(" / ")
              .Append(N(checks.Sum(c => c.Points))).AppendLine(")").AppendLine();
            // The problems say why a notebook did not run; a sentence only when they say nothing.
            if (notebook.Problems.Count == 0 && NotebookStatusText.Sentence(notebook) is { } notRun)
            {
                sb.AppendLine(M(notRun)).AppendLine();
            }

            foreach (string problem in notebook.Problems)
            {
                sb.Append("- ⚠ ").AppendLine(M(problem));
            }

            if (notebook.Problems.Count > 0)
            {
                sb.AppendLine();
            }

            if (checks.Count == 0)
            {
                continue;
            }

            sb.AppendLine("| | Check | Points | Details |").AppendLine("|---|---|---|---|");
            foreach (var c in checks)
            {
                string details = Passed(c) ? "" : c.Hidden ? "(hidden check)" : $"{M(c.Message)} *Hint: {M(c.Hint)}*";
                sb.Append("| ").Append(Passed(c) ? "✓" : "✗").Append(" | ").Append(M(c.Title + (c.Hidden ? " (hidden)" : "")))
                  .Append(" | ").Append(N(c.Score)).Append('/').Append(N(c.Points)).Append(" | ").Append(details).AppendLine(" |");
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    /// <summary>The feedback as a standalone HTML page.</summary>
    /// <param name="result">The graded submission.</param>
    /// <returns>The HTML text.</returns>
    public static string ToHtml(SubmissionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Feedback: ")
            .Append(E(result.StudentId))
            .Append("</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}.pass{color:#1a7f37}.fail{color:#cf222e}.warn{color:#9a6700}</style></head><body>");
        sb.Append("<h1>Feedback for ").Append(E(result.StudentId)).Append("</h1><p><b>Score: ").Append(N(result.Score)).Append(" / ").Append(N(result.MaxScore)).Append("</b></p>");
        if (result.Status != SubmissionStatus.Graded)
        {
            sb.Append("<p class=\"warn\"><b>Status: ").Append(E(StatusWords.Of(result.Status))).Append(".</b> ").Append(E(result.Reason)).Append("</p>");
        }

        foreach (var notebook in result.Notebooks)
        {
            var checks = result.Checks.Where(c => c.Notebook == notebook.Name).ToList();
            sb.Append("<h2>").Append(E(notebook.Name)).Append(" (").Append(N(checks.Sum(c => c.Score))).Append(" / ").Append(N(checks.Sum(c => c.Points))).Append(")</h2>");
            if (notebook.Problems.Count == 0 && NotebookStatusText.Sentence(notebook) is { } notRun)
            {
                sb.Append("<p class=\"warn\">").Append(E(notRun)).Append("</p>");
            }

            if (notebook.Problems.Count > 0)
            {
                sb.Append("<ul>").AppendJoin("", notebook.Problems.Select(p => $"<li class=\"warn\">{E(p)}</li>")).Append("</ul>");
            }

            if (checks.Count == 0)
            {
                continue;
            }

            sb.Append("<table><tr><th></th><th>Check</th><th>Points</th><th>Details</th></tr>");
            foreach (var c in checks)
            {
                string details = Passed(c) ? "" : c.Hidden ? "(hidden check)" : $"{E(c.Message)}<br><i>Hint: {E(c.Hint)}</i>";
                sb.Append("<tr><td class=\"").Append(Passed(c) ? "pass\">✓" : "fail\">✗").Append("</td><td>").Append(E(c.Title)).Append(c.Hidden ? " <i>(hidden)</i>" : "")
                  .Append("</td><td>").Append(N(c.Score)).Append('/').Append(N(c.Points)).Append("</td><td>").Append(details).Append("</td></tr>");
            }

            sb.Append("</table>");
        }

        return sb.Append("</body></html>").ToString();
    }

    private static bool Passed(CheckOutcome c) => c.Score >= c.Points;

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => HtmlText.Escape(text);

    // One line, its Markdown escaped (a "|" too, so a table cell ends only where this writer ends it).
    private static string M(string text) => MarkdownText.Escape(text);
}
