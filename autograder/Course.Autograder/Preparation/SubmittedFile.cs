namespace Course.Autograder.Preparation;

/// <summary>One module notebook of a submission as the grader read it: its bytes, or why there are none.</summary>
/// <param name="Name">The module notebook's file name (<c>03-dataloader.ipynb</c>).</param>
/// <param name="Status">Whether it was read, missing or refused.</param>
/// <param name="Content">The file's bytes when <see cref="Status"/> is <see cref="SubmittedFileStatus.Read"/>, else null.</param>
/// <param name="Reason">Why it was refused, as a student reads it after the notebook's name ("it is a symbolic link, ..."),
/// else null. It says what the file is, never what a link points to.</param>
public sealed record SubmittedFile(string Name, SubmittedFileStatus Status, byte[]? Content, string? Reason)
{
    /// <summary>
    /// The name the file had in the submission when it was not <see cref="Name"/>: a copy a browser or an LMS renamed
    /// (<c>03-dataloader (1).ipynb</c>, see <see cref="NotebookNames.Match"/>), read in the notebook's place; else null.
    /// </summary>
    public string? SubmittedAs { get; init; }

    /// <summary>
    /// For a missing notebook, the files of the submission that may be it under another name (<c>dataloader.ipynb</c>,
    /// or two renamed copies), for a "did you mean"; else empty. They are never read.
    /// </summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

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
