namespace Course.Specs.Core;

/// <summary>
/// One graded property: a check with an id, the notebook cell (<see cref="GradeId"/>) it belongs to,
/// its points, and a hint for students whose code fails it.
/// </summary>
/// <param name="Id">A stable, unique id such as <c>tensordataset-negative-index</c>.</param>
/// <param name="GradeId">The nbgrader <c>grade_id</c> of the check cell this property is graded in.</param>
/// <param name="Points">The points it is worth.</param>
/// <param name="Title">What it checks, in a few words.</param>
/// <param name="Hint">Where to look when it fails.</param>
/// <param name="Body">The check; throws <see cref="SpecFailure"/> when the property does not hold.</param>
public sealed record Spec(string Id, string GradeId, double Points, string Title, string Hint, Action<Implementation> Body)
{
    /// <summary>Whether the check is hidden from students: run in grading, shown in feedback by name only.</summary>
    public bool Hidden { get; init; }

    /// <summary>
    /// The checks this one relies on working: when one of them failed earlier in the same run, this one's failure may
    /// follow from it, and its message says so (<c>FailureChain</c>; this file is shared with the recording edition, which has none). A <c>Count</c> that is wrong makes a loader
    /// that counts its batches with it deliver the wrong batches, and every check of those batches fails.
    /// </summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>How long the check may run before it fails as timed out.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
}
