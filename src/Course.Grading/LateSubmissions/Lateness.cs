namespace Course.Grading.LateSubmissions;

/// <summary>When a submission was made and what it lost for being late: the gradebook's <c>timestamp</c> and <c>late_submission_penalty</c>.</summary>
/// <param name="Timestamp">When it was submitted, as the LMS export says; null when unknown (a folder given directly has no timestamp).</param>
/// <param name="Late">How long after the due date; zero when on time, without a due date or without a timestamp.</param>
/// <param name="Penalty">The points lost; 0 when on time.</param>
public sealed record Lateness(DateTimeOffset? Timestamp, TimeSpan Late, double Penalty)
{
    /// <summary>No timestamp and no penalty.</summary>
    public static Lateness Unknown { get; } = new(null, TimeSpan.Zero, 0);
}
