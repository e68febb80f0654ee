namespace Course.Specs.Core;

/// <summary>The outcome of one graded check.</summary>
/// <param name="Spec">The check that ran.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Message">For a student: what was expected and what was seen (empty when passed).</param>
/// <param name="Elapsed">How long it ran.</param>
public sealed record CheckResult(Spec Spec, CheckStatus Status, string Message, TimeSpan Elapsed)
{
    /// <summary>Whether the check passed.</summary>
    public bool Passed => Status == CheckStatus.Passed;

    /// <summary>The points earned: all of the check's points when it passed, otherwise none.</summary>
    public double Score => Passed ? Spec.Points : 0;

    /// <summary>A measured figure behind the result, such as a time ratio to the reference.</summary>
    public double? Measured { get; init; }
}
