namespace Course.Autograder.Preparation;

/// <summary>
/// A submission as the grading process sees it: every module notebook either restored and ready to
/// run, or with the reason it cannot be; and which notebook each graded cell belongs to. It holds no
/// instructor solution, so the process that runs student code never needs the instructor's sources.
/// </summary>
/// <param name="StudentId">The student.</param>
/// <param name="Notebooks">The module's notebooks, in order.</param>
/// <param name="NotebookOfGradeId">The notebook holding each graded cell (grade_id to file name).</param>
public sealed record PreparedSubmission(string StudentId, IReadOnlyList<PreparedNotebook> Notebooks, IReadOnlyDictionary<string, string> NotebookOfGradeId)
{
    /// <summary>The notebook that holds the graded cell <paramref name="gradeId"/>, or null.</summary>
    /// <param name="gradeId">A grade_id.</param>
    /// <returns>The notebook's file name, or null.</returns>
    public string? NotebookOf(string gradeId) => NotebookOfGradeId.GetValueOrDefault(gradeId);
}
