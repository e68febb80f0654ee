using dnlib.DotNet;

namespace Course.Withhold.Rewriting;

/// <summary>Everything the rewriter does to a module: each method's fate and the definitions it removes.</summary>
/// <param name="Methods">The fate of every method of every type that stays.</param>
/// <param name="RemovedTypes">Types removed with everything in them (unreached helpers, closures and state machines of withheld code).</param>
/// <param name="RemovedFields">Fields removed from types that stay (private state and lookup tables of withheld code).</param>
internal sealed record EditionPlan(
    IReadOnlyDictionary<MethodDef, MethodFate> Methods,
    IReadOnlySet<TypeDef> RemovedTypes,
    IReadOnlySet<FieldDef> RemovedFields)
{
    /// <summary>How many methods meet each fate.</summary>
    public int Count(MethodFateKind kind) => Methods.Values.Count(f => f.Kind == kind);
}
