namespace Course.Grading.Archives;

/// <summary>One student's submission extracted from an archive.</summary>
/// <param name="StudentId">The student id, from the LMS's naming (<see cref="LmsFileName"/>) or the folder's name.</param>
/// <param name="Folder">The folder it was extracted to, named the student id: grade it as any submission folder.</param>
/// <param name="Timestamp">
/// When it was submitted: an nbgrader <c>timestamp.txt</c> in the student's folder, else the latest modification time
/// of the student's entries (an extended timestamp, UTC, when the archive has one; else the DOS time, which has no
/// zone and is read as this machine's local time, as <c>unzip</c> reads it). Null when the student has no entry with a time.
/// </param>
/// <param name="Naming">How the student was recognised: <c>Canvas</c>, <c>Moodle</c> or <c>folder</c>.</param>
public sealed record ArchivedSubmission(string StudentId, string Folder, DateTimeOffset? Timestamp, string Naming);
