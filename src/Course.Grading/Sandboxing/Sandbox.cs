using System.Diagnostics;

namespace Course.Grading.Sandboxing;

/// <summary>
/// Runs a command under bubblewrap (<c>bwrap</c>) with no network, its own process, IPC and host-name
/// namespaces, no capabilities, and a file system built from an allowlist: the system folders and the
/// given program folders read-only, one writable folder, a private <c>/tmp</c>, <c>/dev</c> and
/// <c>/proc</c>, and nothing else. Whatever is not on the list (other submissions, the instructor's
/// sources, home folders) does not exist inside.
/// </summary>
/// <remarks>
/// An allowlist rather than <c>/</c> with holes punched in it, because the folders to hide are not
/// known in general: the program being run often lives inside the very tree that holds the solutions,
/// and other students' results may be anywhere. See docs/SANDBOX.md.
/// </remarks>
public sealed class Sandbox
{
    // What a Linux program needs to run: binaries, libraries, and /etc (ld.so.cache, time zones,
    // passwd for user names, /etc/dotnet/install_location for the .NET host).
    private static readonly string[] SystemFolders = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc"];

    // The parts of /etc that hold secrets. Sandboxed code may run as root (without capabilities, but
    // root still owns these files), so they are covered rather than left to file permissions.
    private static readonly string[] SecretFiles = ["/etc/shadow", "/etc/shadow-", "/etc/gshadow", "/etc/gshadow-"];
    private static readonly string[] SecretFolders = ["/etc/ssh", "/etc/ssl/private"];

    // Inherited environment variables pass into the sandbox only by name: a grading machine's
    // variables may hold tokens that student code could otherwise print into its own feedback.
    private static readonly string[] PassedVariables = ["PATH", "LANG", "LANGUAGE", "TZ", "TERM"];
    private static readonly string[] PassedPrefixes = ["LC_"];

    /// <summary>Creates a sandbox.</summary>
    /// <param name="bwrapPath">The bwrap executable.</param>
    /// <param name="readOnlyFolders">
    /// Folders besides the system ones that sandboxed commands may read (null: <see cref="ProgramFolders"/>,
    /// the .NET runtime and this program's folder).
    /// </param>
    /// <exception cref="ArgumentException">A path is empty or a read-only folder does not exist.</exception>
    public Sandbox(string bwrapPath, IEnumerable<string>? readOnlyFolders = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bwrapPath);
        BwrapPath = bwrapPath;
        var folders = new List<string>();
        foreach (string folder in readOnlyFolders ?? ProgramFolders())
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(folder, nameof(readOnlyFolders));
            string real = RealPath.Of(folder);
            if (!Directory.Exists(real))
            {
                throw new ArgumentException($"The read-only folder '{folder}' does not exist.", nameof(readOnlyFolders));
            }

            if (!folders.Contains(real, StringComparer.Ordinal))
            {
                folders.Add(real);
            }
        }

        ReadOnlyFolders = folders;
    }

    /// <summary>The bwrap executable.</summary>
    public string BwrapPath { get; }

    /// <summary>The folders besides the system ones that sandboxed commands can read (symbolic links resolved).</summary>
    public IReadOnlyList<string> ReadOnlyFolders { get; }

    /// <summary>
    /// The folders a .NET program needs in order to start itself again inside the sandbox: the .NET
    /// installation (found from the running runtime, and the <c>dotnet</c> host when that is what
    /// runs this program) and the program's own folder.
    /// </summary>
    /// <returns>The folders.</returns>
    public static IReadOnlyList<string> ProgramFolders() => [.. RuntimeFolders(), AppContext.BaseDirectory];

    /// <summary>
    /// The folders of the .NET installation that runs this program (found from the running runtime, and the
    /// <c>dotnet</c> host when that is what runs it): what another .NET program (the grading runner) needs.
    /// </summary>
    /// <returns>The folders.</returns>
    public static IReadOnlyList<string> RuntimeFolders()
    {
        var folders = new List<string>();
        // .../dotnet/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll: the whole
        // installation is bound, since the host, hostfxr and the shared frameworks sit side by side.
        string coreLibrary = typeof(object).Assembly.Location;
        if (coreLibrary.Length > 0)
        {
            var runtime = new DirectoryInfo(Path.GetDirectoryName(coreLibrary)!);
            var shared = runtime.Parent?.Parent;
            folders.Add(shared is { Name: "shared", Parent: { } root } ? root.FullName : runtime.FullName);
        }

        if (Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            folders.Add(Path.GetDirectoryName(RealPath.Of(host))!);
        }

        return folders;
    }

    /// <summary>
    /// Finds bwrap and proves it works here by running a trivial command in exactly the sandbox that
    /// grading uses: bwrap can be installed yet unusable (user namespaces disabled, a container that
    /// forbids them), and that must be found out before grading, not once per submission.
    /// </summary>
    /// <param name="bwrapPath">The bwrap to use; null looks for <c>bwrap</c> on PATH.</param>
    /// <param name="readOnlyFolders">As for the constructor; null: <see cref="ProgramFolders"/>.</param>
    /// <returns>The sandbox, or why there is none.</returns>
    /// <exception cref="ArgumentException">A read-only folder given does not exist.</exception>
    public static SandboxDetection Detect(string? bwrapPath = null, IEnumerable<string>? readOnlyFolders = null)
    {
        if (!OperatingSystem.IsLinux())
        {
            return SandboxDetection.Unavailable($"bubblewrap runs only on Linux, and this is {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        }

        string? bwrap = bwrapPath ?? CommandWrapping.FindOnPath("bwrap");
        if (bwrap is null)
        {
            return SandboxDetection.Unavailable("bwrap was not found on PATH");
        }

        if (!File.Exists(bwrap))
        {
            return SandboxDetection.Unavailable($"bwrap was not found at '{bwrap}'");
        }

        var sandbox = new Sandbox(bwrap, readOnlyFolders);
        string trial = Directory.CreateTempSubdirectory("course-sandbox-trial-").FullName;
        try
        {
            var start = sandbox.Wrap(new ProcessStartInfo("true") { RedirectStandardOutput = true, RedirectStandardError = true }, trial);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(30_000))
            {
                process.Kill(entireProcessTree: true);
                return SandboxDetection.Unavailable($"'{bwrap}' is installed but a trial sandbox did not finish within 30 s");
            }

            if (process.ExitCode != 0)
            {
                string why = error.Result.Trim().ReplaceLineEndings(" ");
                return SandboxDetection.Unavailable(
                    $"'{bwrap}' is installed but a trial sandbox failed with exit code {process.ExitCode} ({(why.Length > 0 ? why : "no message")}); " +
                    "user namespaces may be disabled here (see sysctl user.max_user_namespaces and kernel.apparmor_restrict_unprivileged_userns, or the container's security profile)");
            }

            return new SandboxDetection(sandbox, $"bubblewrap ({bwrap}): no network, read-only system, only the submission's own folder writable");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return SandboxDetection.Unavailable($"'{bwrap}' could not be started: {e.Message}");
        }
        finally
        {
            Directory.Delete(trial, recursive: true);
        }
    }

    /// <summary>The bwrap arguments (before the command) that sandbox a command in <paramref name="writableFolder"/>.</summary>
    /// <param name="writableFolder">The one folder the command may write, an existing folder.</param>
    /// <param name="workFolder">The command's current folder, HOME and TMPDIR: <paramref name="writableFolder"/> or a folder inside it.</param>
    /// <returns>The arguments, ending with <c>--</c>.</returns>
    /// <exception cref="ArgumentException">A folder is missing, the work folder is outside the writable one, or the writable folder would expose a read-only one.</exception>
    public IReadOnlyList<string> Arguments(string writableFolder, string workFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(writableFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(workFolder);
        string writable = RealPath.Of(writableFolder);
        string work = RealPath.Of(workFolder);
        if (!Directory.Exists(writable))
        {
            throw new ArgumentException($"The writable folder '{writableFolder}' does not exist.", nameof(writableFolder));
        }

        if (!RealPath.IsWithin(work, writable))
        {
            throw new ArgumentException($"The work folder '{workFolder}' is not inside the writable folder '{writableFolder}'.", nameof(workFolder));
        }

        CheckWritableFolder(writableFolder);

        var arguments = new List<string>
        {
            "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
            "--die-with-parent", "--new-session", "--cap-drop", "ALL",
        };
        var bound = new List<string>();
        foreach (string folder in SystemFolders)
        {
            var info = new DirectoryInfo(folder);
            if (info.LinkTarget is { } target)
            {
                // Merged /usr (/lib -> usr/lib): the same link inside, pointing into the bound /usr.
                arguments.AddRange(["--symlink", target, folder]);
            }
            else if (info.Exists)
            {
                arguments.AddRange(["--ro-bind", folder, folder]);
                bound.Add(folder);
            }
        }

        if (bound.Contains("/etc"))
        {
            foreach (string file in SecretFiles.Where(File.Exists))
            {
                arguments.AddRange(["--ro-bind", "/dev/null", file]);
            }

            foreach (string folder in SecretFolders.Where(Directory.Exists))
            {
                arguments.AddRange(["--tmpfs", folder]);
            }
        }

        arguments.AddRange(["--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]);
        foreach (string folder in ReadOnlyFolders.Where(f => !bound.Any(b => RealPath.IsWithin(f, b))))
        {
            arguments.AddRange(["--ro-bind", folder, folder]);
            bound.Add(folder);
        }

        arguments.AddRange(["--bind", writable, writable]);
        arguments.AddRange(["--setenv", "HOME", work, "--setenv", "TMPDIR", work, "--chdir", work, "--"]);
        return arguments;
    }

    /// <summary>
    /// Refuses a folder that cannot be the sandbox's writable folder, or hold it: one that contains the
    /// system or a read-only folder (they would become writable), or lies inside one (everything beside
    /// it, such as other students' grading folders, would be readable). Call it on the output folder
    /// before grading, to fail once with a clear message rather than once per submission.
    /// </summary>
    /// <param name="writableFolder">The folder (it need not exist yet).</param>
    /// <exception cref="ArgumentException">The folder is refused; the message names the folder in the way.</exception>
    public void CheckWritableFolder(string writableFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(writableFolder);
        string writable = RealPath.Of(writableFolder);
        foreach (string folder in SystemFolders.Where(f => new DirectoryInfo(f) is { Exists: true, LinkTarget: null }).Concat(ReadOnlyFolders))
        {
            if (RealPath.IsWithin(folder, writable))
            {
                throw new ArgumentException($"The writable folder '{writableFolder}' contains '{folder}', which must stay read-only.", nameof(writableFolder));
            }

            if (RealPath.IsWithin(writable, folder))
            {
                throw new ArgumentException(
                    $"The writable folder '{writableFolder}' is inside '{folder}', which the sandbox shows read-only: whatever lies beside it would be readable. Choose a folder elsewhere.",
                    nameof(writableFolder));
            }
        }
    }

    /// <summary>
    /// <paramref name="start"/> run inside the sandbox, writing only to <paramref name="writableFolder"/>.
    /// Its current folder (and HOME, TMPDIR) is its <see cref="ProcessStartInfo.WorkingDirectory"/> when
    /// that lies inside the writable folder, else the writable folder. Of the environment, the variables
    /// set on <paramref name="start"/> itself pass in, and of those inherited from this process only a
    /// named few (PATH, locale and time zone); grading also empties the runner's environment first
    /// (<see cref="EnvironmentAllowList"/>).
    /// </summary>
    /// <param name="start">The command, with its arguments in <see cref="ProcessStartInfo.ArgumentList"/>.</param>
    /// <param name="writableFolder">The one folder the command may write.</param>
    /// <returns>A new start that runs bwrap, which runs the command.</returns>
    /// <exception cref="ArgumentException">See <see cref="Arguments"/>; or the command's arguments are one string.</exception>
    public ProcessStartInfo Wrap(ProcessStartInfo start, string writableFolder)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentException.ThrowIfNullOrWhiteSpace(writableFolder);
        string work = !string.IsNullOrEmpty(start.WorkingDirectory) && Directory.Exists(start.WorkingDirectory)
            && RealPath.IsWithin(RealPath.Of(start.WorkingDirectory), RealPath.Of(writableFolder))
            ? start.WorkingDirectory
            : writableFolder;
        var environment = start.Environment.Where(v => PassedVariables.Contains(v.Key, StringComparer.Ordinal)
            || PassedPrefixes.Any(p => v.Key.StartsWith(p, StringComparison.Ordinal))
            || Environment.GetEnvironmentVariable(v.Key) != v.Value).ToList();
        var wrapped = CommandWrapping.Wrap(start, BwrapPath, Arguments(writableFolder, work), environment);
        wrapped.WorkingDirectory = work;
        return wrapped;
    }
}
