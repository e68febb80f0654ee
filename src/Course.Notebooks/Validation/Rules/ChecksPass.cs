namespace Course.Notebooks.Validation.Rules;

/// <summary>Every check of every check cell of a source passes: the solutions are right.</summary>
public sealed class ChecksPass : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(ChecksPass);

    /// <inheritdoc />
    public bool AppliesTo(NotebookRole role) => role == NotebookRole.Source;

    /// <inheritdoc />
    public IEnumerable<ValidationFinding> Check(ValidationSubject subject)
    {
        foreach (NotebookRecord run in subject.Runs)
        {
            foreach ((int number, string name) in subject.GradedCells())
            {
                if (run.Cells.FirstOrDefault(c => c.Number == number) is not { Verdict: CellVerdict.Ran } cell
                    || CheckReportText.Parse(cell.ResultText) is not { } checks)
                {
                    continue; // not run (RunsClean says why), or a plain test cell: passing means it ran clean
                }

                if (checks.Count == 0)
                {
                    yield return new ValidationFinding($"cell {number} ({name}): the check report is empty, so nothing was checked", run.Kernel);
                }

                foreach (CheckLine check in checks.Where(check => !check.Passed))
                {
                    yield return new ValidationFinding($"cell {number} ({name}): check {check.Id} {(check.NotImplemented ? "NotImplemented" : "Failed")}: {check.Message}", run.Kernel);
                }
            }
        }
    }
}
