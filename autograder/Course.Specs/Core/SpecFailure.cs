namespace Course.Specs.Core;

/// <summary>
/// A graded property did not hold. The message is written for the student: what was expected and
/// what was seen, never a bare "assert failed".
/// </summary>
public sealed class SpecFailure : Exception
{
    /// <summary>Creates the failure with a student-facing message.</summary>
    /// <param name="message">What was expected and what was seen.</param>
    public SpecFailure(string message)
        : base(message)
    {
    }

    /// <summary>A measured figure behind the failure (such as a time ratio), shown in feedback.</summary>
    public double? Measured { get; init; }
}
