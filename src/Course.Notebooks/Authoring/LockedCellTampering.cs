namespace Course.Notebooks.Authoring;

/// <summary>One locked cell a submission changed, found by <see cref="LockedCells"/>.</summary>
/// <param name="Name">The cell's grade_id, else its cell id: how the cell was matched.</param>
/// <param name="SourceCellNumber">The cell's 1-based position in the instructor source.</param>
/// <param name="Kind">Edited, deleted or duplicated.</param>
/// <param name="Detail">What differs, e.g. <c>source edited; checksum mismatch</c>.</param>
public sealed record LockedCellTampering(string Name, int SourceCellNumber, TamperingKind Kind, string Detail)
{
    /// <summary>The line the autograder reports, e.g. <c>tampered locked cell restored: check-tensordataset (edited: source edited)</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        $"tampered locked cell restored: {Name} ({Kind.ToString().ToLowerInvariant()}: {Detail})";
}
