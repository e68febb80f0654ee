using Course.Notebooks.Model;

namespace Course.Notebooks.Authoring;

/// <summary>
/// Removes hidden-test regions (<c>BEGIN HIDDEN TESTS</c> … <c>END HIDDEN TESTS</c>, marker lines included) from
/// autograder-test cells, so students never see them; grading runs them because it restores locked cells from the
/// instructor's source (see <see cref="LockedCells"/>). A hidden-test region in a cell that is not a grade cell is
/// refused: it would not be restored for grading.
/// </summary>
public sealed class RemoveHiddenTests : IReleaseStep
{
    /// <inheritdoc />
    public string Name => nameof(RemoveHiddenTests);

    /// <inheritdoc />
    /// <returns>The number of hidden-test regions removed.</returns>
    public int Apply(Notebook notebook, ReleaseContext context)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(context);
        int removed = 0;
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            Cell cell = notebook.Cells[i];
            int index = i;
            (string text, int count) = Strip(cell, reason => context.CellError(index, cell, reason));
            if (count > 0)
            {
                cell.Source = text;
                removed += count;
            }
        }

        return removed;
    }

    /// <summary>A cell's text without its hidden-test regions, and how many there were.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="fail">Makes the exception for a problem.</param>
    internal static (string Text, int Count) Strip(Cell cell, Func<string, Exception> fail)
    {
        string[] lines = MarkerScanner.SplitLines(cell.Source);
        MarkedRegion[] hidden = MarkerScanner.Scan(lines, fail).Where(region => region.Kind == MarkerKind.HiddenTests).ToArray();
        if (hidden.Length == 0)
        {
            return (cell.Source, 0);
        }

        if (NbgraderMetadata.Read(cell)?.Grade != true)
        {
            throw fail($"{MarkerScanner.BeginHidden} on line {hidden[0].BeginLine + 1} is in a cell that is not a grade cell; hidden tests belong in an autograder-tests cell (metadata.nbgrader.grade true, with points)");
        }

        var kept = new List<string>(lines.Length);
        int next = 0;
        foreach (MarkedRegion region in hidden)
        {
            kept.AddRange(lines[next..region.BeginLine]);
            next = region.EndLine + 1;
        }

        kept.AddRange(lines[next..]);
        return (string.Join('\n', kept), hidden.Length);
    }
}
