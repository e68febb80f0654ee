using Course.Withhold.Policy;

namespace Course.Withhold.Analysis;

/// <summary>A member the edition keeps that needs a withheld one, and the chain of references that leads there.</summary>
/// <param name="Path">From the root (a contract member) to the withheld member, each a member with its parameters.</param>
/// <param name="Entry">The policy entry that withholds the last member.</param>
internal sealed record ContractBreach(IReadOnlyList<string> Path, PolicyEntry Entry)
{
    /// <summary>The breach as one line: <c>A → B → C (withheld by type X, the Y exercise)</c>.</summary>
    public override string ToString() =>
        string.Join(" → ", Path) + $" (withheld by {Entry}" + (Entry.Exercise is { } exercise ? $", the {exercise} exercise)" : ")");
}
