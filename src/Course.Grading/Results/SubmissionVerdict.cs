namespace Course.Grading.Results;

/// <summary>A submission's status and the student-facing reason for it.</summary>
/// <param name="Status">The most serious status found (<see cref="SubmissionStatus.Graded"/> when nothing went wrong).</param>
/// <param name="Reason">Why, naming notebook, cell and line where known; empty for <see cref="SubmissionStatus.Graded"/>.</param>
public sealed record SubmissionVerdict(SubmissionStatus Status, string Reason)
{
    /// <summary>Nothing went wrong: graded, no reason.</summary>
    public static SubmissionVerdict Graded { get; } = new(SubmissionStatus.Graded, "");
}
