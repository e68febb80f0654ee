namespace Course.Autograder.Preparation;

/// <summary>One module notebook of a submission as the grader read it: its bytes, or why there are none.</summary>
/// <param name="Name">The module notebook's file name (<c>03-dataloader.ipynb</c>).</param>
/// <param name="Status">Whether it was read, missing or refused.</param>
/// <param name="Content">The file's bytes when <see cref="Status"/> is <see cref="SubmittedFileStatus.Read"/>, else null.</param>
/// <param name="Reason">Why it was refused, as a student reads it after the notebook's name ("it is a symbolic link, ..."),
/// else null. It says what the file is, never what a link points to.</param>
public sealed record SubmittedFile(string Name, SubmittedFileStatus Status, byte[]? Content, string? Reason)
{
    /// <summary>A notebook that is not in the submission.</summary>
    /// <param name="name">The module notebook's file name.</param>
    /// <returns>The file.</returns>
    public static SubmittedFile Missing(string name) => new(name, SubmittedFileStatus.Missing, null, null);

    /// <summary>A notebook that is there but was not read.</summary>
    /// <param name="name">The module notebook's file name.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The file.</returns>
    public static SubmittedFile Refused(string name, string reason) => new(name, SubmittedFileStatus.Refused, null, reason);
}
