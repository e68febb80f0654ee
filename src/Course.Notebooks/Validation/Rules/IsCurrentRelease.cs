namespace Course.Notebooks.Validation.Rules;

/// <summary>A student notebook is exactly what releasing its source gives today: nothing stale, nothing hand-edited.</summary>
public sealed class IsCurrentRelease : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(IsCurrentRelease);

    /// <inheritdoc />
    public bool AppliesTo(NotebookRole role) => role == NotebookRole.Student;

    /// <inheritdoc />
    public IEnumerable<ValidationFinding> Check(ValidationSubject subject)
    {
        if (subject.SourcePath is null)
        {
            yield return new ValidationFinding($"no instructor source {subject.Path}: a student notebook must be released from one");
        }
        else if (subject.ReleasedText is { } released && subject.FileBytes is { } bytes && !Authoring.ReleasedFile.IsCurrent(bytes, released))
        {
            yield return new ValidationFinding($"stale: differs from a fresh release of {subject.SourcePath}; run `course release`");
        }
    }
}
