namespace Course.Notebooks.Validation.Rules;

/// <summary>A source goes through the release pipeline (markers balanced, check cells well formed).</summary>
public sealed class ReleasesCleanly : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(ReleasesCleanly);

    /// <inheritdoc />
    public bool AppliesTo(NotebookRole role) => role == NotebookRole.Source;

    /// <inheritdoc />
    public IEnumerable<ValidationFinding> Check(ValidationSubject subject) =>
        subject.ReleaseError is { } error ? [new ValidationFinding("cannot be released: " + error)] : [];
}
