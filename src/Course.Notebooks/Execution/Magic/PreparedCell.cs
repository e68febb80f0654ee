using Microsoft.CodeAnalysis;

namespace Course.Notebooks.Execution.Magic;

/// <summary>A cell ready for the compiler: its C# with magic lines blanked, and what those lines asked for.</summary>
internal sealed record PreparedCell(string Code, bool MeasureTime, IReadOnlyList<CellDiagnostic> Errors, IReadOnlyList<MetadataReference> References);
