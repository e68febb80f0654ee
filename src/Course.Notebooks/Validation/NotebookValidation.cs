namespace Course.Notebooks.Validation;

/// <summary>The verdict on one notebook.</summary>
/// <param name="Path">The notebook's file.</param>
/// <param name="Problems">What is wrong (empty when it passed), each naming its cell, and its kernel when only one kernel showed it.</param>
/// <param name="Notes">Things worth knowing that do not fail it.</param>
/// <param name="Summary">One line for a pass: <c>runs clean; 3 graded cells, 16 checks passed (kit, dotnet-interactive; 9.1 s)</c>.</param>
public sealed record NotebookValidation(string Path, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes, string Summary)
{
    /// <summary>Whether the notebook passed.</summary>
    public bool Passed => Problems.Count == 0;

    /// <summary>For a source: its release as text (what its student notebook must be), or null.</summary>
    public string? ReleasedText { get; init; }
}
