namespace Course.Notebooks.Execution;

/// <summary>
/// A cell's failure reason for a line that already names the cell: the runner's reasons begin "cell 3, ", "cell 3: "
/// or "cell 3 " so that they stand alone, and a report that says "cell 3" itself would otherwise say it twice.
/// </summary>
public static class CellFailureText
{
    /// <summary>The reason without its leading cell number.</summary>
    /// <param name="reason">The reason, as <see cref="CellRunResult.FailureReason"/> gives it.</param>
    /// <param name="cellNumber">The cell's 1-based number.</param>
    /// <returns>The reason, its prefix removed when it had one.</returns>
    public static string WithoutCellNumber(string reason, int cellNumber)
    {
        ArgumentNullException.ThrowIfNull(reason);
        foreach (string prefix in new[] { $"cell {cellNumber}, ", $"cell {cellNumber}: ", $"cell {cellNumber} " })
        {
            if (reason.StartsWith(prefix, StringComparison.Ordinal))
            {
                return reason[prefix.Length..];
            }
        }

        return reason;
    }
}
