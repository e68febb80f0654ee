namespace Course.Notebooks.Validation.Rules;

/// <summary>
/// In a student notebook every check of every check cell says "not implemented": no exercise passes before the
/// student has done it. A plain test cell must throw the stub's exception; one left with comments only (all its
/// checks hidden) checks nothing and is accepted.
/// </summary>
public sealed class ChecksNotImplemented : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(ChecksNotImplemented);

    /// <inheritdoc />
    public bool AppliesTo(NotebookRole role) => role == NotebookRole.Student;

    /// <inheritdoc />
    public IEnumerable<ValidationFinding> Check(ValidationSubject subject)
    {
        foreach (NotebookRecord run in subject.Runs)
        {
            foreach ((int number, string name) in subject.GradedCells())
            {
                if (run.Cells.FirstOrDefault(c => c.Number == number) is not { } cell)
                {
                    continue;
                }

                if (cell.Verdict == CellVerdict.Threw)
                {
                    if (!ValidationSubject.IsStub(cell.ExceptionHeadline))
                    {
                        yield return new ValidationFinding($"cell {number} ({name}): {cell.ExceptionHeadline} (a check cell must report \"not implemented\")", run.Kernel);
                    }

                    continue;
                }

                if (CheckReportText.Parse(cell.ResultText) is not { } checks)
                {
                    if (cell.Verdict == CellVerdict.Ran && !IsCommentsOnly(subject.Notebook.Cells[number - 1].Source))
                    {
                        yield return new ValidationFinding($"cell {number} ({name}): the test cell passes before the exercise is done; does a solution region cover the exercise?", run.Kernel);
                    }

                    continue;
                }

                if (checks.Count == 0)
                {
                    yield return new ValidationFinding($"cell {number} ({name}): the check report is empty, so nothing was checked", run.Kernel);
                }

                foreach (CheckLine check in checks.Where(check => !check.NotImplemented))
                {
                    yield return new ValidationFinding(check.Passed
                        ? $"cell {number} ({name}): check {check.Id} passes before the exercise is done; does a solution region cover the exercise?"
                        : $"cell {number} ({name}): check {check.Id} fails, not as NotImplemented: {check.Message}", run.Kernel);
                }
            }
        }
    }

    private static bool IsCommentsOnly(string source) =>
        source.Split('\n').All(line => line.Trim().Length == 0 || line.TrimStart().StartsWith("//", StringComparison.Ordinal));
}
