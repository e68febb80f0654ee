using Course.Notebooks.Authoring;

namespace Course.Notebooks.Validation.Rules;

/// <summary>No solution or hidden-test region is left in a student notebook.</summary>
public sealed class HoldsNoMarkers : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(HoldsNoMarkers);

    /// <inheritdoc />
    public bool AppliesTo(NotebookRole role) => role == NotebookRole.Student;

    /// <inheritdoc />
    public IEnumerable<ValidationFinding> Check(ValidationSubject subject)
    {
        for (int i = 0; i < subject.Notebook.Cells.Count; i++)
        {
            string text = subject.Notebook.Cells[i].Source;
            if (text.Contains(MarkerScanner.BeginSolution, StringComparison.Ordinal) || text.Contains(MarkerScanner.BeginHidden, StringComparison.Ordinal))
            {
                yield return new ValidationFinding($"cell {i + 1}: still holds solution or hidden-test markers");
            }
        }
    }
}
