using System.Text.Json.Nodes;
using Course.Kernel.Protocol;
using Course.Kernel.Server;
using Course.Kernel.Tests.Support;
using Xunit.Abstractions;

namespace Course.Kernel.Tests.Server;

/// <summary>The kernel as a process, started with the kernelspec's command line, as Jupyter starts it.</summary>
public sealed class KernelProcessTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public void The_kernel_process_answers_and_exits_cleanly_on_shutdown()
    {
        using var kernel = new KernelProcess();
        kernel.Client.WaitUntilReady(Wait);
        Assert.Equal("ok", kernel.Client.Execute("Console.WriteLine(\"from the process\");").Reply.ContentString("status"));

        string id = kernel.Client.Send(kernel.Client.Control, "shutdown_request", new JsonObject { ["restart"] = false });

        Assert.Equal("ok", kernel.Client.Reply(kernel.Client.Control, id, Wait)!.ContentString("status"));
        Assert.True(kernel.Process.WaitForExit(10_000), "the kernel did not exit after shutdown_request");
        Assert.Equal(0, kernel.Process.ExitCode);
    }

    [Fact]
    public void Sigint_interrupts_the_running_cell_and_the_kernel_lives_on() => SigintInterrupts(interruptIgnored: false);

    /// <summary>
    /// Started in the background by a script, the kernel inherits SIGINT ignored, and .NET then never installs its
    /// handler: the interrupt did nothing (this failed in CI runs started with <c>&amp;</c>).
    /// </summary>
    [Fact]
    public void Sigint_interrupts_even_when_the_kernel_was_started_with_it_ignored() => SigintInterrupts(interruptIgnored: true);

    [Fact]
    public void The_ignored_signals_are_read_from_the_status_file()
    {
        using var folder = new TempFolder();
        string status = folder.File("status");
        File.WriteAllText(status, "Name:\tdotnet\nSigBlk:\t0000000000000000\nSigIgn:\t0000000000000006\nSigCgt:\t0000000000004000\n");

        Assert.Equal(0x6UL, InheritedSignals.Mask(status, "SigIgn"));
        Assert.Equal(0x4000UL, InheritedSignals.Mask(status, "SigCgt"));
        Assert.Null(InheritedSignals.Mask(status, "SigQ"));
        Assert.Null(InheritedSignals.Mask(folder.File("missing"), "SigIgn"));
        File.WriteAllText(status, "Name:\tdotnet\nSigIgn:\tnot hex\n");
        Assert.Null(InheritedSignals.Mask(status, "SigIgn"));
    }

    private void SigintInterrupts(bool interruptIgnored)
    {
        using var kernel = new KernelProcess(interruptIgnored);
        kernel.Client.WaitUntilReady(Wait);
        string id = kernel.Client.Send(kernel.Client.Shell, "execute_request", TestKernelClient.ExecuteContent("System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);"));
        kernel.Client.WaitForIOPub(id, m => m.MessageType == "execute_input", Wait);
        Thread.Sleep(300);

        kernel.Signal("INT");

        JupyterMessage reply = kernel.Client.Reply(kernel.Client.Shell, id, TimeSpan.FromSeconds(20))
            ?? throw new TimeoutException("no reply after SIGINT: " + kernel.Stderr);
        Assert.True(reply.ContentString("ename") == "OperationCanceledException", $"The reply: {reply.Content.ToJsonString()}\n{kernel.Stderr}");
        Assert.False(kernel.Process.HasExited);
        Assert.Equal("ok", kernel.Client.Execute("1 + 1").Reply.ContentString("status"));
    }

    [Fact]
    public void Sigterm_stops_the_kernel()
    {
        using var kernel = new KernelProcess();
        kernel.Client.WaitUntilReady(Wait);

        kernel.Signal("TERM");

        Assert.True(kernel.Process.WaitForExit(10_000), "the kernel did not exit on SIGTERM");
        Assert.Equal(0, kernel.Process.ExitCode);
    }

    [Fact]
    public async Task A_missing_connection_file_is_reported()
    {
        var error = new StringWriter();

        int result = await Course.Cli.CourseCommand.InvokeAsync(["kernel", "start", "--connection-file", "/nonexistent/kernel.json"], TextWriter.Null, error);

        Assert.Equal(Course.Kernel.Server.KernelHost.ExitBadConnectionFile, result);
        Assert.StartsWith("course kernel: cannot read the connection file:", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The start-up figure in docs/KERNEL.md: process start to the first <c>kernel_info_reply</c>, median of several
    /// fresh processes (COURSE_KERNEL_STARTS, default 5). Only a generous sanity bound is asserted here: wall-clock
    /// targets are measured, not tested, on a shared 2-core machine.
    /// </summary>
    [Fact]
    public void Start_to_kernel_info_reply()
    {
        int starts = int.TryParse(Environment.GetEnvironmentVariable("COURSE_KERNEL_STARTS"), out int n) && n > 0 ? n : 5;
        var seconds = new List<double>();
        for (int i = 0; i < starts; i++)
        {
            using var kernel = new KernelProcess();
            string id = kernel.Client.Send(kernel.Client.Shell, "kernel_info_request", []);
            JupyterMessage? reply = kernel.Client.Reply(kernel.Client.Shell, id, Wait);
            double elapsed = kernel.Clock.Elapsed.TotalSeconds;
            Assert.True(reply is not null, "no kernel_info_reply: " + kernel.Stderr);
            seconds.Add(elapsed);
            output.WriteLine($"start {i + 1}: {elapsed:0.000} s");
            kernel.Client.Send(kernel.Client.Control, "shutdown_request", new JsonObject { ["restart"] = false });
            kernel.Process.WaitForExit(10_000);
        }

        double median = seconds.Order().ElementAt(seconds.Count / 2);
        output.WriteLine($"kernel start to kernel_info_reply: median {median:0.000} s of {starts} (min {seconds.Min():0.000}, max {seconds.Max():0.000})");
        Assert.InRange(median, 0, 10);
    }
}
