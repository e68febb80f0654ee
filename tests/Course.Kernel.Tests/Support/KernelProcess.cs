using System.Diagnostics;
using System.Text;
using Course.Cli.Commands;
using Course.Kernel.Protocol;

namespace Course.Kernel.Tests.Support;

/// <summary>
/// The kernel as Jupyter runs it: a separate process started with the kernelspec's own command line
/// (<see cref="KernelCommand.LaunchCommand"/>) on a connection file.
/// </summary>
public sealed class KernelProcess : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly StringBuilder _stderr = new();

    /// <summary>Starts the process; it is not waited for.</summary>
    /// <param name="interruptIgnored">
    /// Start it with SIGINT ignored, as a shell without job control starts a background command (<c>jupyter lab &amp;</c>
    /// in a script): <c>sh</c> ignores the signal and execs the kernel, which keeps the process id.
    /// </param>
    public KernelProcess(bool interruptIgnored = false)
    {
        Connection = TestKernelClient.NewConnection();
        string connectionFile = _folder.File("kernel-test.json");
        File.WriteAllText(connectionFile, TestKernelClient.ToJson(Connection));
        IReadOnlyList<string> argv = KernelCommand.LaunchCommand();
        if (interruptIgnored)
        {
            argv = ["/bin/sh", "-c", "trap '' INT; exec \"$@\"", "sh", .. argv];
        }

        var start = new ProcessStartInfo(argv[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder.Path,
        };
        foreach (string arg in argv.Skip(1))
        {
            start.ArgumentList.Add(arg.Replace("{connection_file}", connectionFile, StringComparison.Ordinal));
        }

        Clock = Stopwatch.StartNew();
        Process = Process.Start(start)!;
        Process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        Process.OutputDataReceived += (_, _) => { };
        Process.BeginErrorReadLine();
        Process.BeginOutputReadLine();
        Client = new TestKernelClient(Connection);
    }

    /// <summary>The connection.</summary>
    public ConnectionInfo Connection { get; }

    /// <summary>The kernel process.</summary>
    public Process Process { get; }

    /// <summary>Started with the process.</summary>
    public Stopwatch Clock { get; }

    /// <summary>A client connected to the kernel.</summary>
    public TestKernelClient Client { get; }

    /// <summary>What the kernel wrote to stderr so far.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Sends a POSIX signal to the kernel process.</summary>
    /// <param name="signal">The signal's name, e.g. <c>INT</c>.</param>
    public void Signal(string signal)
    {
        using Process kill = Process.Start("kill", [$"-{signal}", Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Client.Dispose();
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit(10_000);
        }

        Process.Dispose();
        _folder.Dispose();
    }
}
