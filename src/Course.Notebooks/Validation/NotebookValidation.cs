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

    /// <summary>
    /// The verdict as a report prints it: <c>PASS path: summary</c> and a line per note, or <c>FAIL path: first
    /// problem</c> and, when there are several, every problem below it.
    /// </summary>
    /// <returns>The lines.</returns>
    public IEnumerable<string> ReportLines()
    {
        if (Passed)
        {
            yield return $"PASS {Path}: {Summary}";
            foreach (string note in Notes)
            {
                yield return "    note: " + note;
            }

            yield break;
        }

        string more = Problems.Count > 1 ? $" (and {Problems.Count - 1} more, below)" : string.Empty;
        yield return $"FAIL {Path}: {Problems[0]}{more}";
        if (Problems.Count > 1)
        {
            foreach (string problem in Problems)
            {
                yield return "    - " + problem;
            }
        }
    }
}
