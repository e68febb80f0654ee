namespace Course.Samples;

/// <summary>
/// Why the samples cannot be built: a wrong command line, or notebooks and cell files that no longer fit together
/// (an exercise with no cell file, an edit whose anchor is gone). The message says what to change.
/// </summary>
public sealed class SampleBuildException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="isUsage">Whether the command line is at fault (exit code 2) rather than the notebooks or cells (exit code 1).</param>
    public SampleBuildException(string message, bool isUsage = false)
        : base(message)
    {
        IsUsage = isUsage;
    }

    /// <summary>Whether the command line is at fault.</summary>
    public bool IsUsage { get; }
}
