using Course.Specs.Core;
using Course.Specs.Checks;

namespace Course.Specs;

/// <summary>
/// Every graded property of module 05, and the one call a notebook check cell makes:
/// <c>ModuleSpecs.Check("tensordataset", new Implementation { TensorDataset = t => new TensorDataset(t) })</c>.
/// </summary>
public static class ModuleSpecs
{
    /// <summary>All checks, in notebook order.</summary>
    public static IReadOnlyList<Spec> All { get; } =
    [
        .. LazyDatasetSpecs.All, .. TensorDatasetSpecs.All, .. DataLoaderSpecs.All, .. IntegrationSpecs.All,
        .. CollateSpecs.All, .. TransformSpecs.All, .. PrefetcherSpecs.All,
    ];

    /// <summary>The grade_ids that have checks, in notebook order.</summary>
    public static IReadOnlyList<string> GradeIds { get; } = All.Select(s => s.GradeId).Distinct().ToArray();

    /// <summary>The checks of one notebook cell.</summary>
    /// <param name="gradeId">The cell's grade_id.</param>
    /// <returns>Its checks.</returns>
    /// <exception cref="ArgumentException">No checks have that grade_id (the message lists the known ones).</exception>
    public static IReadOnlyList<Spec> ForGrade(string gradeId)
    {
        var specs = All.Where(s => s.GradeId == gradeId).ToArray();
        return specs.Length > 0
            ? specs
            : throw new ArgumentException($"No checks have grade_id \"{gradeId}\"; known grade_ids: {string.Join(", ", GradeIds)}.", nameof(gradeId));
    }

    /// <summary>
    /// The environment variable that makes every check cell run one check only (its id), as <c>course run --check ID</c>
    /// sets it: the cell of that check runs it alone, and the others run none. Empty or unset: every check runs.
    /// </summary>
    public const string OnlyCheckVariable = "COURSE_ONLY_CHECK";

    /// <summary>
    /// Runs the visible checks of <paramref name="gradeId"/> against <paramref name="implementation"/>
    /// and returns the report a check cell displays. Never throws for the code under test.
    /// </summary>
    /// <param name="gradeId">The check cell's grade_id.</param>
    /// <param name="implementation">The student's implementation of the exercise.</param>
    /// <param name="includeHidden">Also run hidden checks (the instructor's copy and the autograder do).</param>
    /// <param name="only">
    /// The id of one check of this cell to run alone (<c>"dataloader-count"</c>; each check's id is beside its title in the cell's
    /// report), for a student working on one failure: copy the check cell into a new cell and add
    /// <c>only: "dataloader-count"</c>. Null: every check (or the one <see cref="OnlyCheckVariable"/> names).
    /// </param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException"><paramref name="only"/> is no check of this cell (the message lists its checks).</exception>
    /// <remarks>While the autograder runs a submission (<see cref="SubmissionRecorder.IsRecording"/>), the
    /// implementation is recorded for grading and no check runs here; the report is then empty. Grading always runs
    /// every check, whatever <paramref name="only"/> says.</remarks>
    public static CheckReport Check(string gradeId, Implementation implementation, bool includeHidden = false, string? only = null)
    {
        var specs = ForGrade(gradeId);
        ArgumentNullException.ThrowIfNull(implementation);
        if (only is not null && specs.All(s => s.Id != only))
        {
            string elsewhere = All.FirstOrDefault(s => s.Id == only) is { } other ? $" \"{only}\" is a check of the cell \"{other.GradeId}\"." : "";
            throw new ArgumentException(
                $"The check cell \"{gradeId}\" has no check \"{only}\"; its checks are {string.Join(", ", specs.Where(s => includeHidden || !s.Hidden).Select(s => s.Id))}.{elsewhere}",
                nameof(only));
        }

        if (SubmissionRecorder.IsRecording)
        {
            SubmissionRecorder.Record(gradeId, implementation);
            return new CheckReport([]);
        }

        string? selected = only ?? (Environment.GetEnvironmentVariable(OnlyCheckVariable) is { Length: > 0 } named ? named : null);
        return SpecRunner.Run(specs.Where(s => (includeHidden || !s.Hidden) && (selected is null || s.Id == selected)), ReferenceGuard.Screen(gradeId, implementation));
    }
}
