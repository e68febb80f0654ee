namespace Course.Withhold.Policy;

/// <summary>What one assembly's withheld edition leaves out.</summary>
/// <param name="Name">The assembly's simple name (<c>TinyTorch</c>).</param>
/// <param name="Exercise">The exercise named by members gutted without an entry of their own (helpers no entry reaches); null for none.</param>
/// <param name="Withheld">Types and members whose bodies the edition replaces by a throw.</param>
/// <param name="Forwarded">Members whose bodies the edition replaces by a call to the grading forwarder.</param>
/// <param name="KeepOnly">
/// When not null, the only roots of what the edition keeps (with what they reach); every other member is
/// withheld. When null, the roots are every member of every public type that is not withheld.
/// </param>
/// <param name="GradingTypesFrom">
/// The assembly that defines <c>TinyTorch.Grading</c>'s exception and forwarder: this assembly's own name to
/// inject them, or the name of an assembly it references (whose edition injects them).
/// </param>
public sealed record AssemblyPolicy(
    string Name,
    string? Exercise,
    IReadOnlyList<PolicyEntry> Withheld,
    IReadOnlyList<PolicyEntry> Forwarded,
    IReadOnlyList<PolicyEntry>? KeepOnly,
    string GradingTypesFrom)
{
    /// <summary>Whether this assembly's edition defines the grading types itself.</summary>
    public bool InjectsGradingTypes => string.Equals(GradingTypesFrom, Name, StringComparison.Ordinal);
}
