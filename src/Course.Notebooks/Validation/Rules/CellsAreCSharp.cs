using Course.Notebooks.Execution;

namespace Course.Notebooks.Validation.Rules;

/// <summary>Every code cell is C# (or Markdown): the course's kernels run C#, and a cell in another language is not run at all.</summary>
public sealed class CellsAreCSharp : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(CellsAreCSharp);

    /// <inheritdoc />
    public bool AppliesTo(NotebookRole role) => true;

    /// <inheritdoc />
    public IEnumerable<ValidationFinding> Check(ValidationSubject subject) =>
        NotebookRunner.FindUnrunnableCells(subject.Notebook).Select(problem => new ValidationFinding(problem.Message));
}
