namespace Course.TestSupport;

/// <summary>A program that is usable when it runs and exits 0 with the probe's arguments (<see cref="ToolProbe"/>).</summary>
/// <param name="tool">The executable, as a path or a name on PATH.</param>
/// <param name="probeArguments">Arguments that make the tool exit 0 only when it is usable.</param>
public sealed class ProbedTool(string tool, IReadOnlyList<string> probeArguments) : RequiredTool
{
    /// <inheritdoc />
    public override string? Unavailable() =>
        ToolProbe.IsAvailable(tool, probeArguments) ? null : $"{tool} {string.Join(' ', probeArguments)} is not available on this machine";
}
