using Microsoft.CodeAnalysis;

namespace Course.Notebooks.Execution.Magic;

/// <summary>What the magic-command and <c>#r</c> pass makes of a cell before the compiler sees it.</summary>
internal sealed class PreparedCellBuilder
{
    public bool MeasureTime { get; set; }

    public List<CellDiagnostic> Errors { get; } = [];

    public List<MetadataReference> References { get; } = [];

    /// <summary>The 1-based lines that held magic commands (blanked for the compiler).</summary>
    public List<int> MagicLines { get; } = [];
}
