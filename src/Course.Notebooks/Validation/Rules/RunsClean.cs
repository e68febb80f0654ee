namespace Course.Notebooks.Validation.Rules;

/// <summary>Every cell of a source runs without error, in every kernel, within the notebook's time.</summary>
public sealed class RunsClean : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(RunsClean);

    /// <inheritdoc />
    public bool AppliesTo(NotebookRole role) => role == NotebookRole.Source;

    /// <inheritdoc />
    public IEnumerable<ValidationFinding> Check(ValidationSubject subject)
    {
        foreach (NotebookRecord run in subject.Runs)
        {
            foreach (CellRecord cell in run.Cells.Where(cell => cell.Verdict != CellVerdict.Ran))
            {
                string reason = cell.Verdict == CellVerdict.Threw ? cell.ExceptionHeadline ?? cell.Failure! : cell.Failure!;
                yield return new ValidationFinding($"cell {cell.Number}: {reason}", run.Kernel);
            }

            if (run.OutOfTime)
            {
                yield return new ValidationFinding("did not finish within the per-notebook timeout (--timeout)", run.Kernel);
            }
        }
    }
}
