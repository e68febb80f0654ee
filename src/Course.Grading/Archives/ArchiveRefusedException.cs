namespace Course.Grading.Archives;

/// <summary>
/// A submissions archive that is refused whole, nothing of it graded: an entry that would be written outside the
/// folder it is extracted to, a link, a device, a name that is not UTF-8 or holds control characters, a size over the
/// limits, duplicate names, or a damaged archive. The message names the archive and the entry.
/// </summary>
public sealed class ArchiveRefusedException : IOException
{
    /// <summary>Creates the exception.</summary>
    public ArchiveRefusedException()
        : this("The archive was refused.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why, naming the archive and the entry.</param>
    public ArchiveRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why, naming the archive and the entry.</param>
    /// <param name="innerException">What reading the archive threw.</param>
    public ArchiveRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
