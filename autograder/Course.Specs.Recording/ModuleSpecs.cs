using Course.Specs.Core;

namespace Course.Specs;

/// <summary>
/// The grading runner's <c>ModuleSpecs</c>: a check cell's call records the student's implementation of the
/// exercise it grades, and nothing is checked here. The checks run in the grading parent, which reaches the recorded
/// implementation through the grading boundary.
/// </summary>
public static class ModuleSpecs
{
    /// <summary>Records the exercise <paramref name="gradeId"/> grades from <paramref name="implementation"/>.</summary>
    /// <param name="gradeId">The check cell's grade_id.</param>
    /// <param name="implementation">The factories the cell passes.</param>
    /// <param name="includeHidden">Ignored: no check runs in this edition.</param>
    /// <param name="only">Ignored: grading runs every check, in the parent.</param>
    /// <returns>An empty report.</returns>
    public static CheckReport Check(string gradeId, Implementation implementation, bool includeHidden = false, string? only = null)
    {
        ArgumentNullException.ThrowIfNull(gradeId);
        ArgumentNullException.ThrowIfNull(implementation);
        _ = includeHidden;
        _ = only;
        SubmissionRecorder.Record(gradeId, implementation);
        return new CheckReport([]);
    }
}
