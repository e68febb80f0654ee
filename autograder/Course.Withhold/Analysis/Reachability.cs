using dnlib.DotNet;

namespace Course.Withhold.Analysis;

/// <summary>What an edition keeps: the roots and everything they reach through IL, within the assembly.</summary>
/// <param name="Methods">The methods kept as they are.</param>
/// <param name="Fields">The fields kept code reads or writes.</param>
/// <param name="Breaches">Kept members that need a withheld one (each with its path); the edition cannot be made while there are any.</param>
/// <param name="Unrunnable">Kept members referring to instance members of withheld classes, which cannot run.</param>
/// <param name="WithheldButNamed">The withheld members kept code names (those unrunnable references): they stay, gutted, so that kept code still compiles to valid references.</param>
internal sealed record Reachability(
    IReadOnlySet<MethodDef> Methods,
    IReadOnlySet<FieldDef> Fields,
    IReadOnlyList<ContractBreach> Breaches,
    IReadOnlyList<UnrunnableReference> Unrunnable,
    IReadOnlySet<IMemberDef> WithheldButNamed);
