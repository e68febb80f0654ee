namespace Course.Notebooks.Authoring;

/// <summary>What a submission did to a locked cell.</summary>
public enum TamperingKind
{
    /// <summary>The cell is there but differs from what was released: source, cell type, nbgrader flags or points, or a checksum that does not match.</summary>
    Edited,

    /// <summary>The cell is gone; it was re-inserted where the source has it.</summary>
    Deleted,

    /// <summary>The cell appears more than once; the extra copies were removed.</summary>
    Duplicated,
}
