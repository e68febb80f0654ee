using System.Globalization;
using System.Net;
using System.Text;

namespace Course.Specs.Core;

/// <summary>
/// The results of a set of checks: what a notebook check cell displays (as a table, with hints for
/// failures) and what the autograder turns into scores and feedback.
/// </summary>
/// <param name="Results">One result per check, in the order they ran.</param>
/// <remarks>
/// A notebook shows it as both <see cref="ToHtml"/> (the table) and <see cref="ToString"/> (the ✓/✗ lines):
/// this assembly registers both with .NET Interactive's formatters when it loads.
/// </remarks>
public sealed record CheckReport(IReadOnlyList<CheckResult> Results)
{
    /// <summary>Points earned.</summary>
    public double Score => Results.Sum(r => r.Score);

    /// <summary>Points available.</summary>
    public double MaxScore => Results.Sum(r => r.Spec.Points);

    /// <summary>Whether every check passed.</summary>
    public bool AllPassed => Results.All(r => r.Passed);

    /// <summary>
    /// A plain-text table: one line per check, <c>✓ Title (3/3) [id]</c> or <c>✗ Title (0/3) [id]</c>, then the indented
    /// message and hint of each failure, then a summary line. Tools read it (course validate's CheckReportText), so
    /// its shape is a contract.
    /// </summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var r in Results)
        {
            sb.Append(r.Passed ? "✓ " : "✗ ").Append(r.Spec.Title).Append(" (").Append(Points(r)).Append(") [").Append(r.Spec.Id).AppendLine("]");
            if (!r.Passed)
            {
                sb.Append("    ").AppendLine(r.Message);
                sb.Append("    Hint: ").AppendLine(r.Spec.Hint);
            }
        }

        sb.Append(Summary());
        return sb.ToString();
    }

    /// <summary>The same report as an HTML table, for notebooks; each check with its id, as in <see cref="ToString"/>.</summary>
    /// <returns>An HTML fragment.</returns>
    public string ToHtml()
    {
        var sb = new StringBuilder("<table><thead><tr><th></th><th style=\"text-align:left\">Check</th><th>Points</th><th style=\"text-align:left\">What went wrong</th></tr></thead><tbody>");
        foreach (var r in Results)
        {
            string colour = r.Passed ? "#1a7f37" : "#cf222e";
            sb.Append("<tr><td style=\"color:").Append(colour).Append("\">").Append(r.Passed ? "✓" : "✗").Append("</td><td style=\"text-align:left\">")
              .Append(WebUtility.HtmlEncode(r.Spec.Title))
              // The id, as the text report shows it: what only: and course run --check take to run this check alone.
              .Append(" <code style=\"color:#57606a\">").Append(WebUtility.HtmlEncode(r.Spec.Id)).Append("</code>")
              .Append("</td><td>").Append(Points(r)).Append("</td><td style=\"text-align:left\">");
            if (!r.Passed)
            {
                sb.Append(WebUtility.HtmlEncode(r.Message)).Append("<br/><i>Hint: ").Append(WebUtility.HtmlEncode(r.Spec.Hint)).Append("</i>");
            }

            sb.Append("</td></tr>");
        }

        return sb.Append("</tbody></table><p><b>").Append(WebUtility.HtmlEncode(Summary())).Append("</b></p>").ToString();
    }

    private string Summary() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Results.Count(r => r.Passed)} of {Results.Count} checks passed, {Score:0.##} of {MaxScore:0.##} points.");

    private static string Points(CheckResult r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.Score:0.##}/{r.Spec.Points:0.##}");
}
