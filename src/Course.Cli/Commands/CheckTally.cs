using Course.Notebooks.Model;
using Course.Notebooks.Validation;

namespace Course.Cli.Commands;

/// <summary>
/// The checks that the check cells of a <c>course run</c> showed, read from the reports they display (the ✓/✗ lines
/// of <see cref="CheckReportText"/>): a cell that shows a failing check still ran, so counting cells alone told a
/// student whose every check failed that all was well.
/// </summary>
public sealed class CheckTally
{
    private readonly List<(string Notebook, int Cell, CheckLine Check)> _checks = [];

    /// <summary>How many checks passed.</summary>
    public int Passed => _checks.Count(c => c.Check.Passed);

    /// <summary>How many checks failed, the exercises still stubs included.</summary>
    public int Failed => _checks.Count(c => !c.Check.Passed);

    /// <summary>How many of the failed checks failed because their exercise is still the released stub.</summary>
    public int NotImplemented => _checks.Count(c => c.Check.NotImplemented);

    /// <summary>The checks seen, in the order they ran.</summary>
    public IReadOnlyList<CheckLine> Checks => [.. _checks.Select(c => c.Check)];

    /// <summary>Adds the checks one cell's outputs show, and returns them.</summary>
    /// <param name="notebook">The notebook, as given on the command line.</param>
    /// <param name="cellNumber">The cell's 1-based number.</param>
    /// <param name="outputs">The cell's outputs.</param>
    /// <returns>The cell's checks; empty when it shows no check report.</returns>
    public IReadOnlyList<CheckLine> Add(string notebook, int cellNumber, IEnumerable<Output> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        // A report is shown once, as the cell's value or displayed: never counted twice.
        var checks = outputs.Where(o => o.Kind is OutputKind.ExecuteResult or OutputKind.DisplayData)
            .Select(o => CheckReportText.Parse(o.Data?.Text)).OfType<IReadOnlyList<CheckLine>>().SelectMany(c => c).ToList();
        _checks.AddRange(checks.Select(c => (notebook, cellNumber, c)));
        return checks;
    }

    /// <summary>
    /// One line per failed check, <c>FAILED CHECK NOTEBOOK cell N [id]: message</c>, except that the checks of
    /// exercises still stubs are one line per cell: a student notebook before its exercises has dozens.
    /// </summary>
    /// <returns>The lines.</returns>
    public IEnumerable<string> FailureLines()
    {
        foreach (var cell in _checks.Where(c => !c.Check.Passed).GroupBy(c => (c.Notebook, c.Cell)))
        {
            foreach (var (notebook, number, check) in cell.Where(c => !c.Check.NotImplemented))
            {
                yield return $"FAILED CHECK {notebook} cell {number} [{check.Id}]: {check.Message}";
            }

            int stubs = cell.Count(c => c.Check.NotImplemented);
            if (stubs > 0)
            {
                yield return $"NOT IMPLEMENTED {cell.Key.Notebook} cell {cell.Key.Cell}: {stubs} check{(stubs == 1 ? "" : "s")} of an exercise still to write";
            }
        }
    }

    /// <summary>The closing line: <c>checks: N passed, M failed</c>, with how many of the failures are stubs.</summary>
    /// <returns>The line.</returns>
    public string Summary() =>
        $"checks: {Passed} passed, {Failed} failed" + (NotImplemented > 0 ? $" ({NotImplemented} not implemented yet)" : "");
}
