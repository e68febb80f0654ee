namespace Course.Withhold;

/// <summary>What making one edition did, for the tool's summary line.</summary>
/// <param name="Assembly">The assembly's simple name.</param>
/// <param name="OutputPath">Where the edition was written.</param>
/// <param name="Kept">Methods kept as they are.</param>
/// <param name="Gutted">Methods whose body throws now.</param>
/// <param name="Forwarded">Methods whose body forwards now.</param>
/// <param name="Removed">Methods removed.</param>
/// <param name="RemovedTypes">Types removed (closures, state machines and helpers of withheld code).</param>
/// <param name="Unrunnable">Kept references to instance members of withheld classes, which cannot run (see the docs).</param>
public sealed record EditionReport(
    string Assembly,
    string OutputPath,
    int Kept,
    int Gutted,
    int Forwarded,
    int Removed,
    int RemovedTypes,
    IReadOnlyList<string> Unrunnable)
{
    /// <summary>The summary line: <c>TinyTorch: 120 methods kept, 95 withheld (1 forwarded), 40 removed with 12 types → out/TinyTorch.dll</c>.</summary>
    public override string ToString() =>
        $"{Assembly}: {Kept} methods kept, {Gutted} withheld, {Forwarded} forwarded, {Removed} removed with {RemovedTypes} types → {OutputPath}";
}
