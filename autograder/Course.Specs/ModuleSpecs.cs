using Course.Specs.Core;
using Course.Specs.Specs;

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
    /// Runs the visible checks of <paramref name="gradeId"/> against <paramref name="implementation"/>
    /// and returns the report a check cell displays. Never throws for the code under test.
    /// </summary>
    /// <param name="gradeId">The check cell's grade_id.</param>
    /// <param name="implementation">The student's implementation of the exercise.</param>
    /// <param name="includeHidden">Also run hidden checks (the instructor's copy and the autograder do).</param>
    /// <returns>The report.</returns>
    /// <remarks>While the autograder runs a submission (<see cref="SubmissionRecorder.IsRecording"/>), the
    /// implementation is recorded for grading and no check runs here; the report is then empty.</remarks>
    public static CheckReport Check(string gradeId, Implementation implementation, bool includeHidden = false)
    {
        var specs = ForGrade(gradeId);
        ArgumentNullException.ThrowIfNull(implementation);
        if (SubmissionRecorder.IsRecording)
        {
            SubmissionRecorder.Record(gradeId, implementation);
            return new CheckReport([]);
        }

        return SpecRunner.Run(specs.Where(s => includeHidden || !s.Hidden), ReferenceGuard.Screen(gradeId, implementation));
    }
}
