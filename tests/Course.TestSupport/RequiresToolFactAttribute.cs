using Xunit;

namespace Course.TestSupport;

/// <summary>
/// A fact that needs an external tool: skipped with the reason where the tool is missing, except under
/// COURSE_REQUIRE_TOOLS=1 (CI), where it runs and fails (<see cref="ToolGate"/>). xunit 2 has no dynamic skip, so
/// the decision is made here, when the attribute is created.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToolFactAttribute : FactAttribute
{
    /// <summary>Needs a tool described by a <see cref="RequiredTool"/> type, e.g. <c>typeof(Bubblewrap)</c>.</summary>
    /// <param name="tool">A <see cref="RequiredTool"/> with a public parameterless constructor.</param>
    public RequiresToolFactAttribute(Type tool)
    {
        Skip = ToolGate.SkipReason(tool);
    }

    /// <summary>Needs a program that runs and exits 0 with the given arguments.</summary>
    /// <param name="tool">The executable, as a path or a name on PATH.</param>
    /// <param name="probeArguments">Arguments that make the tool exit 0 only when it is usable.</param>
    public RequiresToolFactAttribute(string tool, params string[] probeArguments)
    {
        Skip = ToolGate.SkipReason(new ProbedTool(tool, probeArguments));
    }
}
