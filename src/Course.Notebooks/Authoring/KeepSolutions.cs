using Course.Notebooks.Model;

namespace Course.Notebooks.Authoring;

/// <summary>
/// The solutions export's counterpart of <see cref="ClearSolutions"/>: keeps each solution region's code and removes
/// only its <c>BEGIN SOLUTION</c> and <c>END SOLUTION</c> marker lines, so the notebook reads as a worked answer.
/// The same regions are refused as <see cref="ClearSolutions"/> refuses them (a marker outside a solution cell,
/// unbalanced or nested markers), so an export never passes a source that a release would stop.
/// </summary>
public sealed class KeepSolutions : IReleaseStep
{
    /// <inheritdoc />
    public string Name => nameof(KeepSolutions);

    /// <inheritdoc />
    /// <returns>The number of solution regions whose markers were removed.</returns>
    public int Apply(Notebook notebook, ReleaseContext context)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(context);
        int kept = 0;
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            Cell cell = notebook.Cells[i];
            int index = i;
            string[] lines = MarkerScanner.SplitLines(cell.Source);
            MarkedRegion[] solutions = [.. MarkerScanner.Scan(lines, reason => context.CellError(index, cell, reason)).Where(r => r.Kind == MarkerKind.Solution)];
            if (solutions.Length == 0)
            {
                continue;
            }

            if (NbgraderMetadata.Read(cell)?.Solution != true)
            {
                throw context.CellError(i, cell,
                    $"{MarkerScanner.BeginSolution} on line {solutions[0].BeginLine + 1} is in a cell that is not a solution cell; set metadata.nbgrader.solution to true (with a grade_id) or remove the markers");
            }

            var markers = solutions.SelectMany(r => new[] { r.BeginLine, r.EndLine }).ToHashSet();
            cell.Source = string.Join('\n', lines.Where((_, line) => !markers.Contains(line)));
            kept += solutions.Length;
        }

        return kept;
    }
}
