namespace Course.Autograder.Preparation;

/// <summary>What became of one module notebook when a submission's files were read (see <see cref="SubmissionFiles"/>).</summary>
public enum SubmittedFileStatus
{
    /// <summary>A regular file of an allowed size: its bytes were read.</summary>
    Read,

    /// <summary>Nothing of that name is in the submission.</summary>
    Missing,

    /// <summary>Something of that name is there but was not read: a link, a named pipe, a device, a socket, a folder, too large.</summary>
    Refused,
}
