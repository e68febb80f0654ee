namespace Course.Notebooks.Validation.Rules;

/// <summary>
/// A note for each ordinary cell of a student notebook that throws something other than a stub's exception: the
/// source runs clean, so it follows from an unfinished exercise (a demonstration using a value a stub never made),
/// and students see it until they finish. A note, not a failure; check cells are judged by <see cref="ChecksNotImplemented"/>.
/// </summary>
public sealed class StubConsequences : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(StubConsequences);

    /// <inheritdoc />
    public bool AppliesTo(NotebookRole role) => role == NotebookRole.Student;

    /// <inheritdoc />
    public IEnumerable<ValidationFinding> Check(ValidationSubject subject)
    {
        var graded = subject.GradedCells().Select(c => c.Number).ToHashSet();
        foreach (NotebookRecord run in subject.Runs)
        {
            foreach (CellRecord cell in run.Cells.Where(c => c.Verdict == CellVerdict.Threw && !graded.Contains(c.Number) && !ValidationSubject.IsStub(c.ExceptionHeadline)))
            {
                yield return new ValidationFinding(
                    $"cell {cell.Number}: {cell.ExceptionHeadline} (not a stub's NotImplementedException: it follows from an unfinished exercise, and students see it until they finish)",
                    run.Kernel,
                    IsNote: true);
            }
        }
    }
}
