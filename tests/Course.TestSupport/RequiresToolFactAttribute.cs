using Xunit;

namespace Course.TestSupport;

/// <summary>
/// A fact that needs an external tool. When the tool is missing it is skipped with the reason, unless
/// COURSE_REQUIRE_TOOLS=1 (as CI sets): then it runs and fails, so CI cannot silently lose the check.
/// xunit 2 has no dynamic skip, so the decision is made here, when the attribute is created.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToolFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="tool">The executable, as a path or a name on PATH.</param>
    /// <param name="probeArguments">Arguments that make the tool exit 0 only when it is usable.</param>
    public RequiresToolFactAttribute(string tool, params string[] probeArguments)
    {
        if (Environment.GetEnvironmentVariable("COURSE_REQUIRE_TOOLS") == "1")
        {
            return;
        }

        if (!ToolProbe.IsAvailable(tool, probeArguments))
        {
            Skip = $"{tool} {string.Join(' ', probeArguments)} is not available on this machine; set COURSE_REQUIRE_TOOLS=1 to make this a failure.";
        }
    }
}
