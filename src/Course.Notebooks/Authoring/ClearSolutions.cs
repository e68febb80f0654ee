using Course.Notebooks.Model;

namespace Course.Notebooks.Authoring;

/// <summary>
/// Replaces each solution region (<c>BEGIN SOLUTION</c> … <c>END SOLUTION</c>, marker lines included) with a stub.
/// In a code cell the stub is one statement at the marker's indentation,
/// <c>throw new NotImplementedException("Exercise 'NAME' is not implemented yet: replace this line with your code.");</c>,
/// naming the exercise after the BEGIN marker (else the cell's grade_id), so the student notebook compiles, and
/// every check of the exercise fails with a message that says what to do. In a Markdown answer cell the stub is
/// nbgrader's <c>YOUR ANSWER HERE</c>.
/// </summary>
/// <remarks>
/// Refused, with the file and cell named: a BEGIN without its END, nested or mismatched markers, a solution region in a cell whose <c>metadata.nbgrader.solution</c> is not true, a code solution cell with no
/// region (its whole solution would ship to students), and a region whose stub would not be a statement of a block
/// body, where the stub would not compile.
/// </remarks>
public sealed class ClearSolutions : IReleaseStep
{
    /// <summary>The words every stub's message contains, so tools can tell a stub's exception from a real failure.</summary>
    public const string NotImplementedPhrase = "is not implemented yet";

    /// <summary>What replaces a solution in a Markdown answer cell (nbgrader's text).</summary>
    public const string MarkdownStub = "YOUR ANSWER HERE";

    /// <inheritdoc />
    public string Name => nameof(ClearSolutions);

    /// <summary>The C# statement that replaces a solution region.</summary>
    /// <param name="exercise">The exercise's name, shown to the student.</param>
    /// <returns>The statement, without indentation.</returns>
    public static string StubFor(string exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        string literal = exercise.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        return $"throw new NotImplementedException(\"Exercise '{literal}' {NotImplementedPhrase}: replace this line with your code.\");";
    }

    /// <inheritdoc />
    /// <returns>The number of solution regions replaced (a Markdown answer cell without regions counts as one).</returns>
    public int Apply(Notebook notebook, ReleaseContext context)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(context);
        int replaced = 0;
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            Cell cell = notebook.Cells[i];
            int index = i;
            string[] lines = MarkerScanner.SplitLines(cell.Source);
            IReadOnlyList<MarkedRegion> regions = MarkerScanner.Scan(lines, reason => context.CellError(index, cell, reason));
            MarkedRegion[] solutions = regions.Where(region => region.Kind == MarkerKind.Solution).ToArray();
            bool isSolutionCell = NbgraderMetadata.Read(cell)?.Solution == true;
            if (solutions.Length > 0 && !isSolutionCell)
            {
                throw context.CellError(i, cell,
                    $"{MarkerScanner.BeginSolution} on line {solutions[0].BeginLine + 1} is in a cell that is not a solution cell; set metadata.nbgrader.solution to true (with a grade_id) or remove the markers");
            }

            if (!isSolutionCell)
            {
                continue;
            }

            if (solutions.Length == 0)
            {
                if (cell.Kind == CellKind.Code)
                {
                    throw context.CellError(i, cell,
                        $"a solution cell without a {MarkerScanner.BeginSolution} region would ship its whole solution to students; mark the solution with {MarkerScanner.BeginSolution} / {MarkerScanner.EndSolution} lines");
                }

                // nbgrader's rule for a written answer with no region: the student gets an empty answer to fill in.
                cell.Source = MarkdownStub;
                replaced++;
                continue;
            }

            string exerciseFallback = NbgraderMetadata.Read(cell)?.GradeId ?? cell.Id ?? $"cell {i + 1}";
            cell.Source = Replace(lines, solutions, region => cell.Kind == CellKind.Code
                ? region.Indent + StubFor(region.Label.Length > 0 ? region.Label : exerciseFallback)
                : region.Indent + MarkdownStub);
            if (cell.Kind == CellKind.Code)
            {
                CheckPlacement(lines, solutions, exerciseFallback, reason => context.CellError(index, cell, reason));
            }

            replaced += solutions.Length;
        }

        return replaced;
    }

    /// <summary>The text with each region (marker lines included) replaced by one line.</summary>
    private static string Replace(string[] lines, IReadOnlyList<MarkedRegion> regions, Func<MarkedRegion, string> stub)
    {
        var kept = new List<string>(lines.Length);
        int next = 0;
        foreach (MarkedRegion region in regions)
        {
            kept.AddRange(lines[next..region.BeginLine]);
            kept.Add(stub(region));
            next = region.EndLine + 1;
        }

        kept.AddRange(lines[next..]);
        return string.Join('\n', kept);
    }

    /// <summary>Checks each region alone, so a problem is blamed on the right region.</summary>
    private static void CheckPlacement(string[] lines, IReadOnlyList<MarkedRegion> regions, string fallback, Func<string, Exception> fail)
    {
        string original = string.Join('\n', lines);
        foreach (MarkedRegion region in regions)
        {
            string stubbed = Replace(lines, [region], r => r.Indent + StubFor(r.Label.Length > 0 ? r.Label : fallback));
            if (StubPlacement.Problem(original, stubbed, region.BeginLine) is string problem)
            {
                throw fail($"the solution region on {region.Lines} must hold whole statements inside a block body: {problem}");
            }
        }
    }
}
