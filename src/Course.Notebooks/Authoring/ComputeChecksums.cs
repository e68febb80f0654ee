using Course.Notebooks.Model;

namespace Course.Notebooks.Authoring;

/// <summary>
/// Stores, as nbgrader does, <c>metadata.nbgrader.checksum</c> (see <see cref="CellChecksum"/>) and
/// <c>metadata.nbgrader.cell_type</c> in every grade, solution and locked cell of the released notebook, so
/// grading can tell which cells a student changed. It runs last, over the text students receive.
/// </summary>
public sealed class ComputeChecksums : IReleaseStep
{
    /// <inheritdoc />
    public string Name => nameof(ComputeChecksums);

    /// <inheritdoc />
    /// <returns>The number of checksums stored.</returns>
    public int Apply(Notebook notebook, ReleaseContext context)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        int stored = 0;
        foreach (Cell cell in notebook.Cells)
        {
            if (NbgraderMetadata.Read(cell) is { HasChecksum: true })
            {
                Store(cell);
                stored++;
            }
        }

        return stored;
    }

    /// <summary>Stores the checksum and cell type of one cell (which must have nbgrader metadata).</summary>
    internal static void Store(Cell cell)
    {
        var nbgrader = (System.Text.Json.Nodes.JsonObject)cell.Metadata[NbgraderMetadata.Key]!;
        JsonProperties.Set(nbgrader, "cell_type", CellChecksum.TypeName(cell.Kind));
        // The checksum covers neither key, so the order of these two writes does not matter.
        JsonProperties.Set(nbgrader, "checksum", CellChecksum.Compute(cell));
    }
}
