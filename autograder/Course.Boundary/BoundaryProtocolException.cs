namespace Course.Boundary;

/// <summary>The other side broke the protocol (a malformed or oversized frame) or went away.</summary>
public sealed class BoundaryProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong, naming the limit or the value.</param>
    public BoundaryProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="inner">The cause.</param>
    public BoundaryProtocolException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public BoundaryProtocolException()
    {
    }
}
