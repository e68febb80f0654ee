namespace Course.Withhold.Cli;

/// <summary>
/// A failure the tool reports to its user: the message names the assembly, type or member at fault and the
/// exit code says which kind of failure it is.
/// </summary>
public sealed class WithholdException : Exception
{
    /// <summary>Creates the failure.</summary>
    /// <param name="code">The exit code the tool ends with.</param>
    /// <param name="message">What went wrong and where, for a person fixing it.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public WithholdException(ExitCode code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
    }

    /// <summary>The exit code the tool ends with.</summary>
    public ExitCode Code { get; }
}
