using System.Diagnostics;
using Course.Grading.Sandboxing;

namespace Course.Grading.Tests.Sandboxing;

/// <summary>
/// The sandbox's command line and its refusals of bad input, and detection where bwrap is missing or
/// broken: none of these runs bwrap, so they run everywhere.
/// </summary>
public sealed class SandboxSetupTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("course-sandbox-setup-").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    [Fact]
    public void The_file_system_is_an_allowlist_with_one_writable_folder_mounted_last()
    {
        string grading = Folder("out/amy/grading");
        string work = Folder("out/amy/grading/work");
        string program = Folder("course/bin");
        var sandbox = new Sandbox("/usr/bin/bwrap", [program]);

        var args = sandbox.Arguments(grading, work);

        foreach (string flag in new[] { "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--die-with-parent", "--new-session" })
        {
            Assert.Contains(flag, args);
        }

        Assert.Equal("ALL", args[args.ToList().IndexOf("--cap-drop") + 1]);
        var mounts = Pairs(args, "--ro-bind").Concat(Pairs(args, "--bind")).Select(p => p.Target).ToList();
        Assert.DoesNotContain("/", mounts);
        Assert.DoesNotContain(Path.Combine(_root, "course"), mounts);
        Assert.DoesNotContain(Path.Combine(_root, "out"), mounts);
        Assert.Contains(("/usr", "/usr"), Pairs(args, "--ro-bind"));
        Assert.Contains((program, program), Pairs(args, "--ro-bind"));
        Assert.Equal([(grading, grading)], Pairs(args, "--bind"));
        Assert.True(args.ToList().LastIndexOf("--ro-bind") < args.ToList().IndexOf("--bind"), "The writable folder must be mounted after every read-only one.");
        Assert.Contains(("HOME", work), Pairs(args, "--setenv"));
        Assert.Contains(("TMPDIR", work), Pairs(args, "--setenv"));
        Assert.Equal(work, args[args.ToList().IndexOf("--chdir") + 1]);
        Assert.Equal("--", args[^1]);
    }

    [Fact]
    public void Merged_usr_links_are_recreated_as_links_not_bound()
    {
        var args = new Sandbox("/usr/bin/bwrap", []).Arguments(Folder("g"), Folder("g"));
        foreach (string folder in new[] { "/bin", "/sbin", "/lib", "/lib64" })
        {
            if (new DirectoryInfo(folder).LinkTarget is { } target)
            {
                Assert.Contains((target, folder), Pairs(args, "--symlink"));
                Assert.DoesNotContain(Pairs(args, "--ro-bind"), p => p.Target == folder);
            }
            else if (Directory.Exists(folder))
            {
                Assert.Contains((folder, folder), Pairs(args, "--ro-bind"));
            }
        }
    }

    [Fact]
    public void The_program_folders_are_the_dotnet_installation_and_this_programs_folder()
    {
        var folders = Sandbox.ProgramFolders();

        string coreLibrary = typeof(object).Assembly.Location;
        Assert.Contains(folders, f => coreLibrary.StartsWith(f + "/", StringComparison.Ordinal));
        Assert.Contains(AppContext.BaseDirectory, folders);
        // The installation, not just the one runtime version folder: the host and hostfxr live above it.
        Assert.Contains(folders, f => Directory.Exists(Path.Combine(f, "shared", "Microsoft.NETCore.App")));
    }

    [Fact]
    public void Read_only_folders_are_bound_at_their_real_place_once()
    {
        string real = Folder("real/bin");
        string link = Path.Combine(_root, "link");
        Directory.CreateSymbolicLink(link, Path.Combine(_root, "real"));

        var sandbox = new Sandbox("/usr/bin/bwrap", [Path.Combine(link, "bin"), real, real + "/"]);

        Assert.Equal([real], sandbox.ReadOnlyFolders);
    }

    [Fact]
    public void A_read_only_folder_that_does_not_exist_is_refused_by_name()
    {
        string missing = Path.Combine(_root, "no-such-folder");
        var e = Assert.Throws<ArgumentException>(() => new Sandbox("/usr/bin/bwrap", [missing]));
        Assert.Contains(missing, e.Message);
    }

    [Fact]
    public void A_writable_folder_that_is_missing_or_holds_a_read_only_one_is_refused_by_name()
    {
        string program = Folder("course/bin");
        var sandbox = new Sandbox("/usr/bin/bwrap", [program]);

        string missing = Path.Combine(_root, "missing");
        var e1 = Assert.Throws<ArgumentException>(() => sandbox.Arguments(missing, missing));
        Assert.Contains(missing, e1.Message);

        var e2 = Assert.Throws<ArgumentException>(() => sandbox.Arguments(Path.Combine(_root, "course"), Path.Combine(_root, "course")));
        Assert.Contains(program, e2.Message);
        Assert.Contains("must stay read-only", e2.Message);

        var e3 = Assert.Throws<ArgumentException>(() => sandbox.Arguments("/", "/"));
        Assert.Contains("'/'", e3.Message);

        string inside = Folder("course/bin/out/amy/grading");
        var e5 = Assert.Throws<ArgumentException>(() => sandbox.Arguments(inside, inside));
        Assert.Contains($"'{inside}' is inside '{program}'", e5.Message);
        var e6 = Assert.Throws<ArgumentException>(() => sandbox.CheckWritableFolder(Path.Combine(program, "out")));
        Assert.Contains("whatever lies beside it would be readable", e6.Message);
        sandbox.CheckWritableFolder(Path.Combine(_root, "out")); // beside the program: fine, even before it exists

        string grading = Folder("grading");
        var e4 = Assert.Throws<ArgumentException>(() => sandbox.Arguments(grading, _root));
        Assert.Contains($"'{_root}' is not inside the writable folder '{grading}'", e4.Message);
    }

    [Fact]
    public void A_command_with_its_arguments_as_one_string_is_refused()
    {
        var sandbox = new Sandbox("/usr/bin/bwrap", []);
        var e = Assert.Throws<ArgumentException>(() => sandbox.Wrap(new ProcessStartInfo("sh", "-c true"), Folder("g")));
        Assert.Contains("'-c true'", e.Message);
        Assert.Contains("ArgumentList", e.Message);
    }

    [Fact]
    public void Wrapping_keeps_the_command_and_its_arguments_after_the_separator()
    {
        string grading = Folder("g");
        var start = new ProcessStartInfo("/bin/echo") { WorkingDirectory = Folder("g/work") };
        start.ArgumentList.Add("one two");
        start.ArgumentList.Add("--");

        var wrapped = new Sandbox("/usr/bin/bwrap", []).Wrap(start, grading);

        Assert.Equal("/usr/bin/bwrap", wrapped.FileName);
        var args = wrapped.ArgumentList.ToList();
        int separator = args.IndexOf("--");
        Assert.Equal(["/bin/echo", "one two", "--"], args[(separator + 1)..]);
        Assert.Equal(start.WorkingDirectory, args[args.IndexOf("--chdir") + 1]);
    }

    [Fact]
    public void A_work_folder_outside_the_writable_folder_falls_back_to_the_writable_folder()
    {
        string grading = Folder("g");
        var start = new ProcessStartInfo("/bin/true") { WorkingDirectory = Folder("elsewhere") };

        var wrapped = new Sandbox("/usr/bin/bwrap", []).Wrap(start, grading);

        Assert.Equal(grading, wrapped.ArgumentList[wrapped.ArgumentList.IndexOf("--chdir") + 1]);
    }

    [Fact]
    public void Detection_reports_a_bwrap_that_is_not_there_by_its_path()
    {
        string missing = Path.Combine(_root, "no", "bwrap");

        var detection = Sandbox.Detect(missing);

        Assert.False(detection.IsAvailable);
        Assert.Null(detection.Sandbox);
        Assert.Equal($"bwrap was not found at '{missing}'", detection.Reason);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Detection_reports_a_bwrap_that_is_installed_but_refused_with_its_message()
    {
        // What bwrap says where user namespaces are disabled.
        string broken = Path.Combine(_root, "bwrap");
        File.WriteAllText(broken, "#!/bin/sh\necho 'bwrap: No permissions to create a new namespace' >&2\nexit 1\n");
        File.SetUnixFileMode(broken, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var detection = Sandbox.Detect(broken);

        Assert.False(detection.IsAvailable);
        Assert.Contains($"'{broken}' is installed but a trial sandbox failed with exit code 1", detection.Reason);
        Assert.Contains("No permissions to create a new namespace", detection.Reason);
        Assert.Contains("user namespaces", detection.Reason);
    }

    [Fact]
    public void An_unavailable_detection_needs_a_reason()
    {
        Assert.Throws<ArgumentException>(() => SandboxDetection.Unavailable(" "));
        Assert.Equal("--no-sandbox was given", SandboxDetection.Unavailable("--no-sandbox was given").Reason);
    }

    private static List<(string Source, string Target)> Pairs(IReadOnlyList<string> args, string flag) =>
        [.. args.Select((a, i) => (a, i)).Where(p => p.a == flag).Select(p => (args[p.i + 1], args[p.i + 2]))];

    private string Folder(string relative)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(path);
        return path;
    }
}
