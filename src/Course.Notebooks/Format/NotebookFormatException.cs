namespace Course.Notebooks.Format;

/// <summary>
/// A notebook cannot be read or is not one the engine can run: unreadable file, invalid JSON,
/// nbformat below 4, a malformed cell, a cell in a language the engine does not run. The message
/// names the file and, where there is one, the cell (1-based, counting every cell).
/// </summary>
public sealed class NotebookFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The file, or null when the notebook did not come from a file.</param>
    /// <param name="cellNumber">The 1-based cell number, or null when the problem is not in one cell.</param>
    /// <param name="reason">What is wrong, as a sentence fragment without the file or cell.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public NotebookFormatException(string? filePath, int? cellNumber, string reason, Exception? innerException = null)
        : base(Compose(filePath, cellNumber, reason), innerException)
    {
        FilePath = filePath;
        CellNumber = cellNumber;
        Reason = reason;
    }

    /// <summary>The file, or null when the notebook did not come from a file.</summary>
    public string? FilePath { get; }

    /// <summary>The 1-based cell number, or null when the problem is not in one cell.</summary>
    public int? CellNumber { get; }

    /// <summary>What is wrong, without the file or cell.</summary>
    public string Reason { get; }

    /// <summary>The same problem attributed to a file (used when a notebook read from text turns out to come from one).</summary>
    /// <param name="filePath">The file.</param>
    /// <returns>A new exception naming the file.</returns>
    public NotebookFormatException WithFile(string filePath) => new(filePath, CellNumber, Reason, InnerException);

    private static string Compose(string? filePath, int? cellNumber, string reason)
    {
        string where = (filePath, cellNumber) switch
        {
            (not null, not null) => $"{filePath}: cell {cellNumber}: ",
            (not null, null) => $"{filePath}: ",
            (null, not null) => $"cell {cellNumber}: ",
            _ => string.Empty,
        };
        return where + reason;
    }
}
