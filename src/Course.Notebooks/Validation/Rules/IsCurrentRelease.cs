namespace Course.Notebooks.Validation.Rules;

/// <summary>A student notebook is exactly what releasing its source gives today: nothing stale, nothing hand-edited.</summary>
public sealed class IsCurrentRelease : IValidationRule
{
    private static readonly System.Text.UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

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
        else if (subject.ReleasedText is { } released && subject.FileBytes is { } bytes && !bytes.AsSpan().SequenceEqual(Utf8NoBom.GetBytes(released)))
        {
            yield return new ValidationFinding($"stale: differs from a fresh release of {subject.SourcePath}; run `course release`");
        }
    }
}
