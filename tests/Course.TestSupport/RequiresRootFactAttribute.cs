using Xunit;

namespace Course.TestSupport;

/// <summary>
/// A fact that switches to another account, so it needs root, Linux, setpriv (util-linux) and the account
/// <see cref="Account"/>. Skipped with the reason where one is missing, except under COURSE_REQUIRE_TOOLS=1 (CI, which
/// runs as root and creates the account): there it runs and fails on what is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresRootFactAttribute : FactAttribute
{
    /// <summary>
    /// The unprivileged account these tests switch to: the one the Gradescope package's setup.sh creates, and a
    /// dedicated one, since the tests end every process it runs (never <c>nobody</c>, which services may run as).
    /// Create it with <c>useradd --system --no-create-home --shell /usr/sbin/nologin course-runner</c>.
    /// </summary>
    public const string Account = "course-runner";

    /// <summary>Creates the attribute.</summary>
    public RequiresRootFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("COURSE_REQUIRE_TOOLS") == "1")
        {
            return;
        }

        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            Skip = "Switching to another account needs root on Linux; set COURSE_REQUIRE_TOOLS=1 to make this a failure.";
        }
        else if (!ToolProbe.IsAvailable("setpriv", ["--version"]))
        {
            Skip = "setpriv (util-linux) is not available; set COURSE_REQUIRE_TOOLS=1 to make this a failure.";
        }
        else if (!File.ReadLines("/etc/passwd").Any(l => l.StartsWith(Account + ":", StringComparison.Ordinal)))
        {
            Skip = $"There is no account '{Account}' (useradd --system --no-create-home --shell /usr/sbin/nologin {Account}); set COURSE_REQUIRE_TOOLS=1 to make this a failure.";
        }
    }
}
