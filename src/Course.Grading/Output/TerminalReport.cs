using System.Globalization;
using System.Text;
using Course.Grading.Results;
using Course.Grading.Running;

namespace Course.Grading.Output;

/// <summary>
/// What <c>course grade</c> prints: a line per finished submission and a table of every student at the end. Ids and
/// statuses go through <see cref="TerminalText"/>, so a submission's name can neither colour, move nor clear the
/// terminal, nor forge a line of the report.
/// </summary>
public static class TerminalReport
{
    /// <summary>The progress line of one finished submission: <c>[3/40] amy: graded: 5/5</c>.</summary>
    /// <param name="progress">The step.</param>
    /// <returns>One line, without its line break.</returns>
    public static string ProgressLine(GradingProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return string.Create(CultureInfo.InvariantCulture,
            $"[{progress.Done}/{progress.Total}] {TerminalText.Escape(progress.StudentId)}: {TerminalText.Escape(progress.What)}");
    }

    /// <summary>The table of students, by id: id, score and status, in aligned columns.</summary>
    /// <param name="results">Every result.</param>
    /// <returns>The table's lines, each ended by a line break.</returns>
    public static string Table(IReadOnlyList<SubmissionResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var rows = results.OrderBy(r => r.StudentId, StringComparer.Ordinal)
            .Select(r => (Id: TerminalText.Escape(r.StudentId), Score: string.Create(CultureInfo.InvariantCulture, $"{r.Score:0.##}/{r.MaxScore:0.##}"), Status: TerminalText.Escape(StatusWords.Of(r.Status))))
            .ToList();
        // Widths of the escaped ids, which are what is printed.
        int w = Math.Max(10, rows.Select(r => r.Id.Length).DefaultIfEmpty(0).Max());
        var sb = new StringBuilder();
        sb.Append("student".PadRight(w)).Append("  ").Append("score".PadRight(9)).AppendLine("  status");
        foreach (var (id, score, status) in rows)
        {
            sb.Append(id.PadRight(w)).Append("  ").Append(score.PadRight(9)).Append("  ").AppendLine(status);
        }

        return sb.ToString();
    }
}
