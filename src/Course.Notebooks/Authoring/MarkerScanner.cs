using System.Globalization;

namespace Course.Notebooks.Authoring;

/// <summary>
/// Finds the marked regions of a cell, as nbgrader does: a marker is any line that <em>contains</em>
/// <c>BEGIN SOLUTION</c>, <c>END SOLUTION</c>, <c>BEGIN HIDDEN TESTS</c> or <c>END HIDDEN TESTS</c>, whatever comment
/// syntax surrounds it. Regions cannot nest, and every BEGIN needs the END of the same kind.
/// </summary>
internal static class MarkerScanner
{
    public const string BeginSolution = "BEGIN SOLUTION";
    public const string EndSolution = "END SOLUTION";
    public const string BeginHidden = "BEGIN HIDDEN TESTS";
    public const string EndHidden = "END HIDDEN TESTS";

    private static readonly string[] Markers = [BeginSolution, EndSolution, BeginHidden, EndHidden];

    /// <summary>Splits cell text into lines (without their line breaks); joining with "\n" gives the text back.</summary>
    public static string[] SplitLines(string source) => source.Split('\n');

    /// <summary>Whether any line of the text is a marker line.</summary>
    public static bool HasMarkers(string source) => Markers.Any(marker => source.Contains(marker, StringComparison.Ordinal));

    /// <summary>The regions of a cell, in order.</summary>
    /// <param name="lines">The cell's lines.</param>
    /// <param name="fail">Makes the exception for a problem (the caller adds file and cell).</param>
    /// <returns>The regions.</returns>
    public static IReadOnlyList<MarkedRegion> Scan(IReadOnlyList<string> lines, Func<string, Exception> fail)
    {
        var regions = new List<MarkedRegion>();
        (MarkerKind Kind, int Line, string Label, string Indent)? open = null;
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i];
            string[] found = Markers.Where(marker => line.Contains(marker, StringComparison.Ordinal)).ToArray();
            if (found.Length == 0)
            {
                continue;
            }

            if (found.Length > 1)
            {
                throw fail($"line {Number(i)} holds more than one marker ({string.Join(" and ", found)}); put each marker on its own line");
            }

            string marker = found[0];
            MarkerKind kind = marker is BeginSolution or EndSolution ? MarkerKind.Solution : MarkerKind.HiddenTests;
            bool begin = marker is BeginSolution or BeginHidden;
            if (begin)
            {
                if (open is { } outer)
                {
                    throw fail($"{marker} on line {Number(i)} is inside the region {BeginOf(outer.Kind)} opened on line {Number(outer.Line)}; regions cannot nest");
                }

                open = (kind, i, LabelAfter(line, marker), line[..(line.Length - line.TrimStart().Length)]);
                continue;
            }

            if (open is not { } region)
            {
                throw fail($"{marker} on line {Number(i)} has no {BeginOf(kind)} before it");
            }

            if (region.Kind != kind)
            {
                throw fail($"{marker} on line {Number(i)} does not match {BeginOf(region.Kind)} on line {Number(region.Line)} (expected {EndOf(region.Kind)})");
            }

            regions.Add(new MarkedRegion(kind, region.Line, i, region.Label, region.Indent));
            open = null;
        }

        if (open is { } unclosed)
        {
            throw fail($"{BeginOf(unclosed.Kind)} on line {Number(unclosed.Line)} has no {EndOf(unclosed.Kind)} after it");
        }

        return regions;
    }

    public static string BeginOf(MarkerKind kind) => kind == MarkerKind.Solution ? BeginSolution : BeginHidden;

    public static string EndOf(MarkerKind kind) => kind == MarkerKind.Solution ? EndSolution : EndHidden;

    /// <summary>
    /// The text after the marker, e.g. the exercise name in <c>// BEGIN SOLUTION TensorDataset indexer</c>, without
    /// separators or a comment closer (<c>*/</c>, <c>--&gt;</c>) an author may have put around it.
    /// </summary>
    private static string LabelAfter(string line, string marker)
    {
        string rest = line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim();
        foreach (string closer in new[] { "*/", "-->" })
        {
            if (rest.EndsWith(closer, StringComparison.Ordinal))
            {
                rest = rest[..^closer.Length].TrimEnd();
            }
        }

        return rest.TrimStart(':', '-', '—', ' ', '\t').Trim();
    }

    private static string Number(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);
}
