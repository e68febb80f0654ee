using Course.Notebooks.Model;

namespace Course.Notebooks.Authoring;

/// <summary>The result of <see cref="LockedCells.Restore"/>.</summary>
/// <param name="Notebook">The submission with every locked cell replaced by the instructor's version (a new object).</param>
/// <param name="Tampering">The locked cells the submission had edited, deleted or duplicated; empty when none.</param>
public sealed record LockedCellRestoration(Notebook Notebook, IReadOnlyList<LockedCellTampering> Tampering)
{
    /// <summary>Whether the submission left every locked cell as released.</summary>
    public bool Untouched => Tampering.Count == 0;
}
