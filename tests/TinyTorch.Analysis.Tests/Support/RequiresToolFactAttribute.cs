namespace TinyTorch.Analysis.Tests.Support;

/// <summary>
/// A fact that needs an external program: it skips, stating why, when the program is missing, unless
/// <c>COURSE_REQUIRE_TOOLS=1</c> (CI), where it runs and fails. xunit 2 has no dynamic skip, so the
/// decision is made here, when the test is discovered.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresToolFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="aptPackage">The Debian package that provides the program.</param>
    /// <param name="executables">The program's possible names on PATH.</param>
    public RequiresToolFactAttribute(string aptPackage, params string[] executables)
    {
        AptPackage = aptPackage;
        Executables = executables;
        if (ExternalTool.Find(executables) is null && !ExternalTool.Required)
        {
            Skip = $"{string.Join(" or ", executables)} is not installed (apt-get install -y {aptPackage}); " +
                   $"set {ExternalTool.RequireVariable}=1 to make its absence a failure.";
        }
    }

    /// <summary>The Debian package that provides the program.</summary>
    public string AptPackage { get; }

    /// <summary>The program's possible names on PATH.</summary>
    public IReadOnlyList<string> Executables { get; }
}
