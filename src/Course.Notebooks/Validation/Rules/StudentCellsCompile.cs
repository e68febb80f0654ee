namespace Course.Notebooks.Validation.Rules;

/// <summary>
/// No cell of a fresh student notebook fails to compile or runs out of time, in any kernel: a student must never meet
/// an error they did not cause. Exceptions are judged by <see cref="ChecksNotImplemented"/> and <see cref="StubConsequences"/>.
/// </summary>
public sealed class StudentCellsCompile : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(StudentCellsCompile);

    /// <inheritdoc />
    public bool AppliesTo(NotebookRole role) => role == NotebookRole.Student;

    /// <inheritdoc />
    public IEnumerable<ValidationFinding> Check(ValidationSubject subject)
    {
        foreach (NotebookRecord run in subject.Runs)
        {
            foreach (CellRecord cell in run.Cells)
            {
                string? problem = cell.Verdict switch
                {
                    CellVerdict.DidNotCompile => "does not compile: " + cell.Failure,
                    CellVerdict.TimedOut or CellVerdict.Skipped => cell.Failure,
                    _ => null,
                };
                if (problem is not null)
                {
                    yield return new ValidationFinding($"cell {cell.Number}: {problem}", run.Kernel);
                }
            }

            if (run.OutOfTime)
            {
                yield return new ValidationFinding("did not finish within the per-notebook timeout (--timeout)", run.Kernel);
            }
        }
    }
}
