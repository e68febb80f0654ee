namespace Course.Grading.Archives;

/// <summary>
/// What a submissions archive may hold before it is refused whole: bounds on what reading it costs, whatever its
/// central directory claims. An LMS export of a class stays far below them.
/// </summary>
public sealed record ArchiveLimits
{
    /// <summary>The defaults: 20,000 entries, 64 MB an extracted file, 4 GB extracted in all, 1,024 bytes a name.</summary>
    public static ArchiveLimits Default { get; } = new();

    /// <summary>The most entries (files and folders) the archive may list: 20,000 (a class of 500 with 40 files each).</summary>
    public int MaxEntries { get; init; } = 20_000;

    /// <summary>
    /// The largest file extracted, declared or actual: 64 MB. A notebook over the grader's own limit (20 MB) but under
    /// this one is extracted and then refused for that student alone, with the grader's reason.
    /// </summary>
    public long MaxEntryBytes { get; init; } = 64L << 20;

    /// <summary>The most bytes extracted in all: 4 GB.</summary>
    public long MaxTotalBytes { get; init; } = 4L << 30;

    /// <summary>The longest entry name, in bytes: 1,024 (a segment may have 255, as on Linux file systems).</summary>
    public int MaxNameBytes { get; init; } = 1024;
}
