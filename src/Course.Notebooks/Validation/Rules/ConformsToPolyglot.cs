using Course.Notebooks.Authoring;

namespace Course.Notebooks.Validation.Rules;

/// <summary>The notebook carries the metadata VS Code's Polyglot Notebooks writes, so it opens there unchanged.</summary>
public sealed class ConformsToPolyglot : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(ConformsToPolyglot);

    /// <inheritdoc />
    public bool AppliesTo(NotebookRole role) => true;

    /// <inheritdoc />
    public IEnumerable<ValidationFinding> Check(ValidationSubject subject) =>
        PolyglotConformance.Problems(subject.Notebook).Select(problem => new ValidationFinding(problem));
}
