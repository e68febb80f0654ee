using System.Diagnostics;
using Course.Autograder.Boundary;
using Course.Specs.Core;

namespace Course.Boundary.Tests;

/// <summary>What a check's time limit counts: the CPU time of the runner's processes, ended threads included.</summary>
public sealed class ProcessTreeMeterTests
{
    [Fact]
    public void Process_cpu_keeps_the_time_of_threads_that_have_ended()
    {
        var meter = new ProcessTreeMeter(Environment.ProcessId);
        TimeSpan before = meter.ProcessCpu();
        // Spins until it has run 200 ms of its own CPU time, however long a busy machine makes that take.
        var spinner = new Thread(() =>
        {
            TimeSpan start = CpuClock.CurrentThread();
            while (CpuClock.CurrentThread() - start < TimeSpan.FromMilliseconds(200))
            {
                Thread.SpinWait(1000);
            }
        });
        spinner.Start();
        spinner.Join();
        TimeSpan after = meter.ProcessCpu();

        // Its time stays in the process's total after it ended (Cpu() counts live threads only); /proc counts 10 ms ticks.
        Assert.True(after - before >= TimeSpan.FromMilliseconds(180), $"the process's CPU time rose by {(after - before).TotalMilliseconds} ms");
    }

    [Fact]
    public void Process_cpu_of_a_process_that_is_gone_is_zero()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        int pid = process.Id;
        process.WaitForExit();
        process.Dispose();

        Assert.Equal(TimeSpan.Zero, new ProcessTreeMeter(pid).ProcessCpu());
    }
}
