namespace Course.Notebooks.Authoring;

/// <summary>A region of a cell between two marker lines (both included).</summary>
/// <param name="Kind">Solution or hidden tests.</param>
/// <param name="BeginLine">The 0-based index of the BEGIN marker line.</param>
/// <param name="EndLine">The 0-based index of the END marker line.</param>
/// <param name="Label">The text after the BEGIN marker on its line (e.g. an exercise name), trimmed; empty when none.</param>
/// <param name="Indent">The leading whitespace of the BEGIN marker line.</param>
internal sealed record MarkedRegion(MarkerKind Kind, int BeginLine, int EndLine, string Label, string Indent)
{
    /// <summary>"lines 4-9", 1-based, for messages.</summary>
    public string Lines => $"lines {BeginLine + 1}-{EndLine + 1}";
}
