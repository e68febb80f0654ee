namespace Course.Withhold.Analysis;

/// <summary>
/// A kept member that refers to an instance member of a withheld class. It cannot run in the edition: every
/// constructor of that class throws, so no instance exists to call it on. Reported, not an error.
/// </summary>
/// <param name="From">The kept member, with its parameters.</param>
/// <param name="To">The withheld instance member.</param>
internal sealed record UnrunnableReference(string From, string To)
{
    /// <inheritdoc/>
    public override string ToString() => $"{From} → {To}";
}
