using System.Diagnostics;
using Course.Grading.Sandboxing;

namespace Course.Grading.Tests.Sandboxing;

/// <summary>
/// The fallback when there is no sandbox and grading runs as root (a Gradescope container): the runner as an
/// unprivileged account, which gets its grading folder and nothing else of root's.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RunnerAccountTests : IDisposable
{
    private const string Account = RootAndRunnerAccount.Account;
    private readonly TempFolder _temp = new("course-runner-account-");

    public void Dispose() => _temp.Dispose();

    [RequiresToolFact(typeof(RootAndRunnerAccount))]
    public void A_command_runs_as_the_account_owning_its_grading_folder_and_cannot_read_roots_files()
    {
        var account = RunnerAccount.Resolve(Account);
        string grading = Directory.CreateDirectory(_temp.File("grading")).FullName;
        File.WriteAllText(Path.Combine(grading, "prepared.ipynb"), "{}");
        string secrets = Directory.CreateDirectory(_temp.File("secrets")).FullName;
        File.SetUnixFileMode(secrets, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(Path.Combine(secrets, "answer.txt"), "THE-ANSWER");

        var (code, output) = Run(account.Wrap(Shell($"id -u; id -G; touch {grading}/written; cat {secrets}/answer.txt"), grading));

        Assert.NotEqual(0, code);
        string[] lines = output.Split('\n');
        Assert.Equal($"{account.UserId}", lines[0]);
        Assert.Equal($"{account.GroupId}", lines[1]);
        Assert.True(File.Exists(Path.Combine(grading, "written")), output);
        Assert.DoesNotContain("THE-ANSWER", output, StringComparison.Ordinal);
        Assert.Contains("Permission denied", output, StringComparison.Ordinal);
    }

    [RequiresToolFact(typeof(RootAndRunnerAccount))]
    public void What_the_account_left_running_is_ended()
    {
        var account = RunnerAccount.Resolve(Account);
        string grading = Directory.CreateDirectory(_temp.File("grading")).FullName;
        // A daemon: its own session, its parent gone at once, so no process-tree kill finds it.
        var (code, output) = Run(account.Wrap(Shell($"setsid sleep 600 > /dev/null 2>&1 < /dev/null & echo $!"), grading));
        Assert.Equal(0, code);
        int pid = int.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(Process.GetProcessById(pid).HasExited);

        account.EndProcesses();

        Assert.True(WaitForExit(pid), $"process {pid} of {Account} is still running");
    }

    [RequiresToolFact(typeof(RootAndRunnerAccount))]
    public void A_folder_the_account_cannot_search_is_refused_naming_it()
    {
        var account = RunnerAccount.Resolve(Account);
        string closed = Directory.CreateDirectory(_temp.File("closed")).FullName;
        File.SetUnixFileMode(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var e = Assert.Throws<InvalidOperationException>(() => account.CheckCanReach(Path.Combine(closed, "out")));

        Assert.Equal($"The runner account '{Account}' cannot reach '{Path.Combine(closed, "out")}': '{closed}' does not let others search it (chmod o+x, or choose another folder).", e.Message);
        account.CheckCanReach(_temp.File("open/out"));
    }

    [RequiresToolFact(typeof(RootAndRunnerAccount))]
    public void An_unknown_account_or_root_is_refused_naming_it()
    {
        File.WriteAllLines(_temp.File("passwd"), ["root:x:0:0:root:/root:/bin/bash", "wheel:x:1000:0::/home/wheel:/bin/sh"]);

        var unknown = Assert.Throws<InvalidOperationException>(() => RunnerAccount.Resolve("ghost", _temp.File("passwd")));
        var root = Assert.Throws<InvalidOperationException>(() => RunnerAccount.Resolve("root", _temp.File("passwd")));
        var rootGroup = Assert.Throws<InvalidOperationException>(() => RunnerAccount.Resolve("wheel", _temp.File("passwd")));

        Assert.StartsWith($"There is no account 'ghost' in {_temp.File("passwd")}", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("The account 'root' has user id 0 and group id 0: a runner account must not be root or in root's group.", root.Message);
        Assert.Contains("group id 0", rootGroup.Message, StringComparison.Ordinal);
    }

    private static ProcessStartInfo Shell(string script)
    {
        var start = new ProcessStartInfo("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        return start;
    }

    private static (int Code, string Output) Run(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }

    private static bool WaitForExit(int pid)
    {
        for (int i = 0; i < 50; i++)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                if (process.HasExited || File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] == "Z")
                {
                    return true;
                }
            }
            catch (ArgumentException)
            {
                return true;
            }

            Thread.Sleep(100);
        }

        return false;
    }
}
