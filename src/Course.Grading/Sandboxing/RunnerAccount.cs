using System.Diagnostics;
using System.Globalization;

namespace Course.Grading.Sandboxing;

/// <summary>
/// An unprivileged account a runner is started as when there is no sandbox and grading runs as root, as in a
/// Gradescope container, where bubblewrap usually cannot create namespaces: the student's code then cannot read what
/// that account may not (the full grader, the instructor's notebooks: the Gradescope package's <c>setup.sh</c> makes
/// them root's alone) nor write the results. The runner's grading folder is given to the account, the runner is
/// started through <c>setpriv</c> (util-linux) with the account's user and group, no supplementary groups and no new
/// privileges, and whatever the account still runs is ended before the next submission and at the end.
/// </summary>
/// <remarks>
/// One submission at a time: every runner runs as the same account, so a process one submission leaves behind could
/// reach the next one's folder if they overlapped; <see cref="EndProcesses"/> between them closes that. This is a
/// second line, not the sandbox: the network and every world-readable file stay open (docs/GRADESCOPE.md).
/// Accounts are looked up in <c>/etc/passwd</c>.
/// </remarks>
public sealed class RunnerAccount
{
    private readonly string _setpriv;
    private readonly string _chown;

    private RunnerAccount(string name, int userId, int groupId, string setpriv, string chown)
    {
        Name = name;
        UserId = userId;
        GroupId = groupId;
        _setpriv = setpriv;
        _chown = chown;
    }

    /// <summary>The account's name.</summary>
    public string Name { get; }

    /// <summary>Its user id.</summary>
    public int UserId { get; }

    /// <summary>Its primary group id.</summary>
    public int GroupId { get; }

    /// <summary>Finds the account <paramref name="name"/> and the tools that switch to it.</summary>
    /// <param name="name">The account, as in <c>/etc/passwd</c>.</param>
    /// <param name="passwd">The account database (a test's own); null for <c>/etc/passwd</c>.</param>
    /// <returns>The account.</returns>
    /// <exception cref="InvalidOperationException">Not Linux, not running as root, no such account, the account is root, or setpriv or chown is missing; the message says which.</exception>
    public static RunnerAccount Resolve(string name, string? passwd = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!OperatingSystem.IsLinux())
        {
            throw new InvalidOperationException("A runner account needs Linux (setpriv).");
        }

        if (!Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException($"Only root can start runners as the account '{name}'; grading runs as {Environment.UserName}.");
        }

        string? line = File.ReadLines(passwd ?? "/etc/passwd").FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal));
        string[] fields = line?.Split(':') ?? [];
        if (fields.Length < 4
            || !int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out int uid)
            || !int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out int gid))
        {
            throw new InvalidOperationException($"There is no account '{name}' in {passwd ?? "/etc/passwd"} (create one: useradd --system --no-create-home {name}).");
        }

        if (uid == 0 || gid == 0)
        {
            throw new InvalidOperationException($"The account '{name}' has user id {uid} and group id {gid}: a runner account must not be root or in root's group.");
        }

        string setpriv = CommandWrapping.FindOnPath("setpriv") ?? throw new InvalidOperationException("setpriv (util-linux) was not found on PATH.");
        string chown = CommandWrapping.FindOnPath("chown") ?? throw new InvalidOperationException("chown was not found on PATH.");
        return new RunnerAccount(name, uid, gid, setpriv, chown);
    }

    /// <summary>
    /// Checks that the account can reach a folder's contents: every folder from the root down to <paramref name="folder"/>
    /// lets others search it (mode o+x), since the runner's grading folder will be inside.
    /// </summary>
    /// <param name="folder">The output folder (it need not exist yet; its existing ancestors are checked).</param>
    /// <exception cref="InvalidOperationException">A folder on the way does not; the message names it.</exception>
    public void CheckCanReach(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            if (dir.Exists && !OperatingSystem.IsWindows() && (File.GetUnixFileMode(dir.FullName) & UnixFileMode.OtherExecute) == 0)
            {
                throw new InvalidOperationException(
                    $"The runner account '{Name}' cannot reach '{folder}': '{dir.FullName}' does not let others search it (chmod o+x, or choose another folder).");
            }
        }
    }

    /// <summary>
    /// Gives <paramref name="grading"/> (the runner's one writable folder, prepared by this process) to the account and
    /// returns <paramref name="start"/> run as the account.
    /// </summary>
    /// <param name="start">The runner's command, with its arguments in <see cref="ProcessStartInfo.ArgumentList"/>.</param>
    /// <param name="grading">The grading folder.</param>
    /// <returns>The command through setpriv.</returns>
    /// <exception cref="IOException">The folder could not be given to the account.</exception>
    public ProcessStartInfo Wrap(ProcessStartInfo start, string grading)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentException.ThrowIfNullOrEmpty(grading);
        // -R without -L changes links themselves, never what they point to (the prepared folder holds none anyway).
        var (code, output) = Run(_chown, ["-R", "--", string.Create(CultureInfo.InvariantCulture, $"{UserId}:{GroupId}"), grading]);
        if (code != 0)
        {
            throw new IOException($"The grading folder '{grading}' could not be given to the runner account '{Name}': chown ended with {code}: {output.Trim()}");
        }

        return CommandWrapping.Wrap(start, _setpriv, [.. Switch(), "--"]);
    }

    /// <summary>Ends every process the account runs: what a submission left behind (a daemon escapes its process tree).</summary>
    public void EndProcesses()
    {
        // kill(-1) signals every process the caller may signal, that is every process of the account, but not the caller.
        // The shell's own kill: the kill programs of procps and util-linux read "-1" differently.
        Run(_setpriv, [.. Switch(), "--", "/bin/sh", "-c", "kill -9 -1"]);
    }

    private string[] Switch() =>
    [
        string.Create(CultureInfo.InvariantCulture, $"--reuid={UserId}"),
        string.Create(CultureInfo.InvariantCulture, $"--regid={GroupId}"),
        "--clear-groups",
        "--no-new-privs",
    ];

    private static (int Code, string Output) Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }
}
