using Course.Notebooks.Model;

namespace Course.Notebooks.Authoring;

/// <summary>What a <see cref="IReleaseStep"/> knows besides the notebook: where it came from, for messages.</summary>
/// <param name="FilePath">The source file, or null when the notebook did not come from a file.</param>
public sealed record ReleaseContext(string? FilePath)
{
    /// <summary>An error about one cell, naming the file, the cell number and the cell's grade_id (else its id).</summary>
    /// <param name="cellIndex">The 0-based index of the cell in the notebook.</param>
    /// <param name="cell">The cell.</param>
    /// <param name="reason">What is wrong.</param>
    /// <returns>The exception, for the caller to throw.</returns>
    public ReleaseException CellError(int cellIndex, Cell cell, string reason)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return new ReleaseException(FilePath, cellIndex + 1, NameOf(cell), reason);
    }

    /// <summary>A cell's name in messages and tampering reports: its grade_id, else its id, else null.</summary>
    /// <param name="cell">The cell.</param>
    /// <returns>The name, or null.</returns>
    public static string? NameOf(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return NbgraderMetadata.Read(cell)?.GradeId ?? cell.Id;
    }
}
