using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Course.Grading.Sandboxing;
using Course.Grading.Tests.Support;

namespace Course.Grading.Tests.Sandboxing;

/// <summary>
/// Real commands in the real sandbox, against a layout like a grading run's: a course tree holding the
/// instructor's sources with the program inside it, an output folder with another student's results,
/// other submissions, and a folder of the test's own. Each test runs its probe outside too where that
/// shows the probe itself works, so a sandbox that let everything through would fail.
/// </summary>
public sealed class SandboxTests : IDisposable
{
    private const string SourceSecret = "SOLUTION-SECRET-7f3a";
    private const string ResultSecret = "BOB-RESULT-SECRET-91c2";
    private const string SubmissionSecret = "BOB-SUBMISSION-SECRET-04de";

    private readonly string _root = Directory.CreateTempSubdirectory("course-sandbox-").FullName;

    public SandboxTests()
    {
        Write("course/Course.sln", "");
        Write("course/notebooks/source/01-a.ipynb", SourceSecret);
        Write("course/bin/tool.txt", "the program's own file");
        Write("out/bob/grading/result.json", ResultSecret);
        Write("out/bob/feedback.md", ResultSecret);
        Write("subs/bob/01-a.ipynb", SubmissionSecret);
        Directory.CreateDirectory(Grading);
        Directory.CreateDirectory(Work);
        Directory.CreateDirectory(Outside);
    }

    private string Grading => Path.Combine(_root, "out", "amy", "grading");

    private string Work => Path.Combine(Grading, "work");

    private string Outside => Path.Combine(_root, "outside");

    private string ProgramFolder => Path.Combine(_root, "course", "bin");

    public void Dispose() => Directory.Delete(_root, true);

    [RequiresToolFact(typeof(Bubblewrap))]
    public async Task The_network_is_refused_inside_while_the_same_connection_works_outside()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        const string connect = "exec 3<>/dev/tcp/127.0.0.1/$1 && echo connected";

        var (outsideExit, outsideOutput) = Shell.Run(Shell.Bash(connect, port.ToString()));
        Assert.Equal(0, outsideExit);
        Assert.Contains("connected", outsideOutput);
        using (var accepted = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.NotNull(accepted);
        }

        var (exit, output) = Shell.Run(InSandbox(connect, port.ToString()));
        Assert.NotEqual(0, exit);
        Assert.DoesNotContain("connected", output);
        Assert.False(listener.Pending(), "The listener outside saw a connection from inside the sandbox.");
    }

    [RequiresToolFact(typeof(Bubblewrap))]
    public void Writes_outside_the_grading_folder_are_refused_and_writes_inside_it_work()
    {
        string tmp = $"/tmp/course-sandbox-escaped-{Guid.NewGuid():N}.txt";
        var (_, output) = Shell.Run(InSandbox("""
            echo x > "$1/escaped.txt"; echo "outside=$?"
            echo x > "$2/escaped.txt"; echo "program=$?"
            echo x > /usr/escaped.txt; echo "usr=$?"
            echo x > "$4"; echo "tmp=$?"
            echo kept > "$3/kept.txt"; echo "grading=$?"
            echo kept > kept-in-work.txt; echo "work=$?"
            """, Outside, ProgramFolder, Grading, tmp));

        Assert.Matches("outside=[1-9]", output);
        Assert.Matches("program=[1-9]", output);
        Assert.Matches("usr=[1-9]", output);
        Assert.False(File.Exists(Path.Combine(Outside, "escaped.txt")));
        Assert.False(File.Exists(Path.Combine(ProgramFolder, "escaped.txt")));
        Assert.False(File.Exists("/usr/escaped.txt"));
        // /tmp inside is private: writable, and gone with the sandbox.
        Assert.Contains("tmp=0", output);
        Assert.False(File.Exists(tmp));

        Assert.Contains("grading=0", output);
        Assert.Contains("work=0", output);
        Assert.Equal("kept\n", File.ReadAllText(Path.Combine(Grading, "kept.txt")));
        Assert.Equal("kept\n", File.ReadAllText(Path.Combine(Work, "kept-in-work.txt")));
    }

    [RequiresToolFact(typeof(Bubblewrap))]
    public void Other_submissions_their_results_and_the_instructors_sources_are_unreadable()
    {
        string[] secrets =
        [
            Path.Combine(_root, "out", "bob", "grading", "result.json"),
            Path.Combine(_root, "out", "bob", "feedback.md"),
            Path.Combine(_root, "subs", "bob", "01-a.ipynb"),
            Path.Combine(_root, "course", "notebooks", "source", "01-a.ipynb"),
        ];
        const string probe = "for f in \"$@\"; do cat \"$f\" && echo \"read $f\"; done; cat \"$(dirname \"$(dirname \"$1\")\")\"/*/grading/result.json; echo done";

        // Outside, the probe reads every secret: it is a real probe.
        var (_, plain) = Shell.Run(Shell.Bash(probe, secrets));
        Assert.Contains(SourceSecret, plain);
        Assert.Contains(ResultSecret, plain);
        Assert.Contains(SubmissionSecret, plain);

        var (_, output) = Shell.Run(InSandbox(probe, secrets));
        Assert.Contains("done", output);
        Assert.DoesNotContain(SourceSecret, output);
        Assert.DoesNotContain(ResultSecret, output);
        Assert.DoesNotContain(SubmissionSecret, output);
        Assert.DoesNotContain("read ", output);
    }

    [RequiresToolFact(typeof(Bubblewrap))]
    public void Only_the_allowlisted_folders_of_the_course_tree_and_output_folder_exist_inside()
    {
        var (exit, output) = Shell.Run(InSandbox("""
            echo "course: $(ls -A "$1" | tr '\n' ' ')"
            echo "out: $(ls -A "$2" | tr '\n' ' ')"
            echo "amy: $(ls -A "$2/amy" | tr '\n' ' ')"
            cat "$1/bin/tool.txt"
            """, Path.Combine(_root, "course"), Path.Combine(_root, "out")));

        Assert.Equal(0, exit);
        Assert.Contains("course: bin \n", output);
        Assert.Contains("out: amy \n", output);
        Assert.Contains("amy: grading \n", output);
        Assert.Contains("the program's own file", output); // the program's folder is readable
    }

    [RequiresToolFact(typeof(Bubblewrap))]
    public void The_real_course_tree_home_folders_and_system_secrets_are_absent()
    {
        string repository = RepositoryFolder.Root();
        var (_, output) = Shell.Run(InSandbox("""
            echo "repository: $(ls -A "$1" | tr '\n' ' ')"
            for p in "$1/Course.sln" "$1/notebooks/source" "$1/autograder" /root /home; do test -e "$p" && echo "present $p"; done
            head -c 200 /etc/shadow; echo "shadow=$?"
            echo end
            """, repository));

        // Only the way down to this test's own program folder (tests/.../bin/...) exists.
        Assert.Contains("repository: tests \n", output);
        Assert.DoesNotContain("present", output);
        Assert.DoesNotContain("root:", output);
        Assert.Contains("end", output);
    }

    [RequiresToolFact(typeof(Bubblewrap))]
    public void The_environment_passes_only_by_name_and_home_and_tmp_are_the_work_folder()
    {
        string inherited = "COURSE_SANDBOX_TEST_TOKEN_" + Guid.NewGuid().ToString("N")[..8];
        Environment.SetEnvironmentVariable(inherited, "inherited-secret");
        try
        {
            var (exit, output) = Shell.Run(Wrapped(s =>
            {
                s.Environment["COURSE_GIVEN"] = "given-on-purpose";
                s.Environment["DOTNET_GCHeapHardLimit"] = "0x10000000";
            }, "echo \"token=${!1}\"; echo \"given=$COURSE_GIVEN\"; echo \"heap=$DOTNET_GCHeapHardLimit\"; echo \"home=$HOME tmp=$TMPDIR pwd=$(pwd)\"", inherited));

            Assert.Equal(0, exit);
            Assert.Contains("token=\n", output);
            Assert.DoesNotContain("inherited-secret", output);
            Assert.Contains("given=given-on-purpose", output);
            Assert.Contains("heap=0x10000000", output);
            Assert.Contains($"home={Work} tmp={Work} pwd={Work}", output);
        }
        finally
        {
            Environment.SetEnvironmentVariable(inherited, null);
        }
    }

    [RequiresToolFact(typeof(Bubblewrap))]
    public void The_dotnet_runtime_this_program_runs_on_is_usable_inside()
    {
        var sandbox = Sandbox();
        string dotnet = Path.Combine(sandbox.ReadOnlyFolders[0], "dotnet");
        Assert.True(File.Exists(dotnet), $"Expected the .NET installation first among {string.Join(", ", sandbox.ReadOnlyFolders)}.");
        var start = new ProcessStartInfo(dotnet) { WorkingDirectory = Work };
        start.ArgumentList.Add("--list-runtimes");

        var (exit, output) = Shell.Run(sandbox.Wrap(start, Grading));

        Assert.Equal(0, exit);
        Assert.Contains("Microsoft.NETCore.App", output);
    }

    [RequiresToolFact(typeof(Bubblewrap))]
    public void A_sandbox_dies_with_the_thread_that_started_it_so_the_ProcessStarter_starts_them_from_one_that_lives()
    {
        // Linux's parent-death signal follows the parent thread: why ProcessStarter exists. Each thread
        // ends only once the sandboxed command runs, so bwrap has armed the signal by then.
        using var direct = Piped(InSandbox("touch direct.started; sleep 3; echo survived"));
        var shortLived = new Thread(() =>
        {
            direct.Start();
            AwaitFile(Path.Combine(Work, "direct.started"));
        });
        shortLived.Start();
        shortLived.Join();
        string directOutput = direct.StandardOutput.ReadToEnd();
        direct.WaitForExit();
        Assert.Equal(128 + 9, direct.ExitCode);
        Assert.Equal("", directOutput);

        using var started = Piped(InSandbox("touch starter.started; sleep 3; echo survived"));
        var alsoShortLived = new Thread(() =>
        {
            ProcessStarter.StartAsync(started).GetAwaiter().GetResult();
            AwaitFile(Path.Combine(Work, "starter.started"));
        });
        alsoShortLived.Start();
        alsoShortLived.Join();
        string output = started.StandardOutput.ReadToEnd();
        started.WaitForExit();
        Assert.Equal(0, started.ExitCode);
        Assert.Equal("survived\n", output);
    }

    private static void AwaitFile(string path)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"{path} did not appear within 30 s.");
            }

            Thread.Sleep(20);
        }
    }

    private static Process Piped(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        return new Process { StartInfo = start };
    }

    private Sandbox Sandbox() => Bubblewrap.Require([.. Course.Grading.Sandboxing.Sandbox.ProgramFolders(), ProgramFolder]);

    private ProcessStartInfo InSandbox(string script, params string[] arguments) => Wrapped(_ => { }, script, arguments);

    private ProcessStartInfo Wrapped(Action<ProcessStartInfo> configure, string script, params string[] arguments)
    {
        var start = Shell.Bash(script, arguments);
        start.WorkingDirectory = Work;
        configure(start);
        return Sandbox().Wrap(start, Grading);
    }

    private void Write(string relative, string content)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
