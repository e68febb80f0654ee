using Course.Notebooks.DotNetInteractive;
using Xunit;

namespace Course.TestSupport;

/// <summary>
/// A fact that needs the real .NET Interactive kernel (the <c>Microsoft.dotnet-interactive</c> tool, found as
/// <see cref="DotNetInteractiveTool.TryFind"/> does) and, when <paramref name="needsJupyter"/>, Jupyter's
/// <c>nbconvert</c>. Skipped with the reason where they are missing, except under COURSE_REQUIRE_TOOLS=1 (CI),
/// which installs them: there a missing tool fails the test.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresDotNetInteractiveFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="needsJupyter">Whether the test also runs <c>jupyter nbconvert</c>.</param>
    public RequiresDotNetInteractiveFactAttribute(bool needsJupyter = false)
    {
        if (Environment.GetEnvironmentVariable("COURSE_REQUIRE_TOOLS") == "1")
        {
            return;
        }

        if (DotNetInteractiveTool.TryFind() is null)
        {
            Skip = $"The .NET Interactive tool is not installed (dotnet tool install --tool-path {DotNetInteractiveTool.RepositoryFolder} "
                + $"Microsoft.dotnet-interactive --version {DotNetInteractiveTool.PinnedVersion}); set COURSE_REQUIRE_TOOLS=1 to make this a failure.";
        }
        else if (needsJupyter && !ToolProbe.IsAvailable(RealJupyterKernel.Jupyter, ["nbconvert", "--version"]))
        {
            Skip = $"{RealJupyterKernel.Jupyter} nbconvert is not available (Debian: jupyter-nbconvert python3-nbclient); set COURSE_REQUIRE_TOOLS=1 to make this a failure.";
        }
    }
}
