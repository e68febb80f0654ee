using System.Collections.Concurrent;

namespace Course.TestSupport;

/// <summary>
/// Decides whether a test that needs a tool runs: where the tool is missing it is skipped with the reason, unless
/// COURSE_REQUIRE_TOOLS=1 (as CI sets, having installed every tool): then it runs and fails, so CI cannot silently
/// lose a check.
/// </summary>
public static class ToolGate
{
    /// <summary>The variable that makes a missing tool a failure instead of a skip.</summary>
    public const string RequireVariable = "COURSE_REQUIRE_TOOLS";

    // Probing may start a process (a trial sandbox, a kernel's --version); a tool's answer does not change while
    // the tests are discovered, so each tool type is asked once.
    private static readonly ConcurrentDictionary<Type, string?> s_unavailable = new();

    /// <summary>Whether missing tools fail rather than skip (COURSE_REQUIRE_TOOLS=1).</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Why a test that needs <paramref name="tool"/> is skipped, or null when it runs.</summary>
    /// <param name="tool">The tool.</param>
    /// <returns>The skip reason, or null.</returns>
    public static string? SkipReason(RequiredTool tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return Required ? null : Reason(tool.Unavailable());
    }

    /// <summary>Why a test that needs the tool of type <paramref name="toolType"/> is skipped, or null when it runs.</summary>
    /// <param name="toolType">A <see cref="RequiredTool"/> with a public parameterless constructor.</param>
    /// <returns>The skip reason, or null.</returns>
    /// <exception cref="ArgumentException"><paramref name="toolType"/> is not such a type.</exception>
    public static string? SkipReason(Type toolType)
    {
        ArgumentNullException.ThrowIfNull(toolType);
        if (!typeof(RequiredTool).IsAssignableFrom(toolType) || toolType.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new ArgumentException($"{toolType} is not a {nameof(RequiredTool)} with a public parameterless constructor.", nameof(toolType));
        }

        return Required ? null : Reason(s_unavailable.GetOrAdd(toolType, type => ((RequiredTool)Activator.CreateInstance(type)!).Unavailable()));
    }

    /// <summary>Whether tests that need the tool of type <paramref name="toolType"/> run here (it is usable, or CI requires it).</summary>
    /// <param name="toolType">As for <see cref="SkipReason(Type)"/>.</param>
    /// <returns>True when they run.</returns>
    public static bool Runs(Type toolType) => SkipReason(toolType) is null;

    private static string? Reason(string? unavailable) =>
        unavailable is null ? null : $"{unavailable}; set {RequireVariable}=1 to make this a failure.";
}
