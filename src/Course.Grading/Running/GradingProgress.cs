namespace Course.Grading.Running;

/// <summary>A step of a grading run, for a progress display.</summary>
/// <param name="Done">Submissions finished so far.</param>
/// <param name="Total">Submissions in the run.</param>
/// <param name="StudentId">The submission this step is about.</param>
/// <param name="What">graded, skipped (unchanged) or the status it ended with, with its score.</param>
public sealed record GradingProgress(int Done, int Total, string StudentId, string What);
