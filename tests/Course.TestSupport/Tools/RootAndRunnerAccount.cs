namespace Course.TestSupport;

/// <summary>
/// What switching to another account needs: root, Linux, setpriv (util-linux) and the account <see cref="Account"/>
/// (CI runs as root and creates it).
/// </summary>
public sealed class RootAndRunnerAccount : RequiredTool
{
    /// <summary>
    /// The unprivileged account these tests switch to: the one the Gradescope package's setup.sh creates, and a
    /// dedicated one, since the tests end every process it runs (never <c>nobody</c>, which services may run as).
    /// Create it with <c>useradd --system --no-create-home --shell /usr/sbin/nologin course-runner</c>.
    /// </summary>
    public const string Account = "course-runner";

    /// <inheritdoc />
    public override string? Unavailable()
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            return "Switching to another account needs root on Linux";
        }

        if (!ToolProbe.IsAvailable("setpriv", ["--version"]))
        {
            return "setpriv (util-linux) is not available";
        }

        return File.ReadLines("/etc/passwd").Any(l => l.StartsWith(Account + ":", StringComparison.Ordinal))
            ? null
            : $"There is no account '{Account}' (useradd --system --no-create-home --shell /usr/sbin/nologin {Account})";
    }
}
