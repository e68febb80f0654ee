using Microsoft.CodeAnalysis;

namespace Course.Notebooks.Execution.Magic;

/// <summary>A cell ready for the compiler: its C# with magic lines blanked, and what those lines asked for.</summary>
/// <param name="Code">The C# the compiler sees: the cell with every magic line blank, so line numbers are the student's.</param>
/// <param name="MeasureTime">Whether <c>#!time</c> asked for the cell's wall time.</param>
/// <param name="Errors">Problems with the magic lines themselves; the cell does not compile when there are any.</param>
/// <param name="References">Assemblies <c>#r "nuget: …"</c> asked for.</param>
/// <param name="MagicLines">The 1-based lines that held magic commands.</param>
internal sealed record PreparedCell(string Code, bool MeasureTime, IReadOnlyList<CellDiagnostic> Errors, IReadOnlyList<MetadataReference> References, IReadOnlyList<int> MagicLines)
{
    /// <summary>
    /// A line of the cell as the real .NET Interactive kernel numbers it: that kernel takes magic lines out and
    /// compiles the code after the last one before <paramref name="line"/> on its own, from line 1.
    /// </summary>
    /// <param name="line">A 1-based line of the cell.</param>
    /// <returns>The line's number in the real kernel's messages.</returns>
    public int KernelLine(int line) => line - MagicLines.Where(magic => magic < line).DefaultIfEmpty(0).Max();
}
