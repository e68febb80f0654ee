namespace Course.Grading.Archives;

/// <summary>What <see cref="SubmissionArchive.Extract"/> made of an archive.</summary>
/// <param name="Submissions">One per student, in order of student id.</param>
/// <param name="Ignored">
/// Top-level files that belong to no student (neither in a folder nor named as Canvas or Moodle name submissions), by
/// name: not extracted, listed so the instructor can see what was left out.
/// </param>
public sealed record ExtractedArchive(IReadOnlyList<ArchivedSubmission> Submissions, IReadOnlyList<string> Ignored);
