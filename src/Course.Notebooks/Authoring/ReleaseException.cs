namespace Course.Notebooks.Authoring;

/// <summary>
/// An instructor source cannot be released: a marker without its partner, nested or mismatched markers, a
/// solution region in a cell that is not a solution cell, a duplicate grade_id, metadata nbgrader would reject.
/// The message names the file and the cell (1-based, counting every cell, with its grade_id or id) so the
/// author can go straight to it.
/// </summary>
public sealed class ReleaseException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The source file, or null when the notebook did not come from a file.</param>
    /// <param name="cellNumber">The 1-based cell number, or null when the problem is not in one cell.</param>
    /// <param name="cellName">The cell's grade_id or id, or null when it has neither (or there is no cell).</param>
    /// <param name="reason">What is wrong, without the file or cell.</param>
    public ReleaseException(string? filePath, int? cellNumber, string? cellName, string reason)
        : base(Compose(filePath, cellNumber, cellName, reason))
    {
        FilePath = filePath;
        CellNumber = cellNumber;
        CellName = cellName;
        Reason = reason;
    }

    /// <summary>The source file, or null when the notebook did not come from a file.</summary>
    public string? FilePath { get; }

    /// <summary>The 1-based cell number, or null when the problem is not in one cell.</summary>
    public int? CellNumber { get; }

    /// <summary>The cell's grade_id, else its id; null when it has neither.</summary>
    public string? CellName { get; }

    /// <summary>What is wrong, without the file or cell.</summary>
    public string Reason { get; }

    private static string Compose(string? filePath, int? cellNumber, string? cellName, string reason)
    {
        var where = new System.Text.StringBuilder();
        if (filePath is not null)
        {
            where.Append(filePath).Append(": ");
        }

        if (cellNumber is not null)
        {
            where.Append("cell ").Append(cellNumber.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (cellName is not null)
            {
                where.Append(" (").Append(cellName).Append(')');
            }

            where.Append(": ");
        }

        return where.Append(reason).ToString();
    }
}
