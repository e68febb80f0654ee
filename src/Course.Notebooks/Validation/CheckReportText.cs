using System.Text.RegularExpressions;

namespace Course.Notebooks.Validation;

/// <summary>
/// Reads the plain text a check cell's report shows (<c>Course.Specs.Core.CheckReport.ToString()</c>): one line per
/// check, <c>✓ Title (3/3) [id]</c> or <c>✗ Title (0/3) [id]</c>, each failure followed by indented lines with its
/// message and hint, then a summary line. Text is what both kernels show alike, so validation reads the same thing
/// whichever kernel ran the cell.
/// </summary>
public static partial class CheckReportText
{
    /// <summary>What a stub's failure message starts with.</summary>
    public const string NotImplementedPrefix = "Not implemented yet:";

    /// <summary>The checks of a report, or null when the text is not a check report.</summary>
    /// <param name="text">A cell's plain-text value.</param>
    /// <returns>The checks, in order (empty when the report ran none), or null.</returns>
    public static IReadOnlyList<CheckLine>? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (!lines.Any(line => Summary().IsMatch(line)))
        {
            return null;
        }

        var checks = new List<CheckLine>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (Check().Match(lines[i]) is not { Success: true } match)
            {
                continue;
            }

            string message = i + 1 < lines.Length && lines[i + 1].StartsWith("    ", StringComparison.Ordinal) ? lines[i + 1].Trim() : string.Empty;
            bool passed = match.Groups["mark"].Value == "✓";
            string id = match.Groups["id"].Success ? match.Groups["id"].Value : match.Groups["title"].Value;
            checks.Add(new CheckLine(id, passed, !passed && message.StartsWith(NotImplementedPrefix, StringComparison.Ordinal), passed ? string.Empty : message));
        }

        return checks;
    }

    [GeneratedRegex(@"^(?<mark>[✓✗]) (?<title>.+?) \([0-9.]+/[0-9.]+\)( \[(?<id>[^\]]+)\])?$")]
    private static partial Regex Check();

    [GeneratedRegex(@"^\d+ of \d+ checks passed, ")]
    private static partial Regex Summary();
}
