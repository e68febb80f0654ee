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
    public void A_thread_spinning_while_the_process_should_be_idle_is_set_aside_and_an_idle_one_is_not()
    {
        string? spinning = null, idle = null;
        using var stop = new CancellationTokenSource();
        using var parked = new ManualResetEventSlim();
        var spinner = new Thread(() =>
        {
            spinning = new DirectoryInfo("/proc/thread-self").LinkTarget;
            while (!stop.IsCancellationRequested)
            {
                Thread.SpinWait(1000);
            }
        });
        var waiter = new Thread(() =>
        {
            idle = new DirectoryInfo("/proc/thread-self").LinkTarget;
            parked.Wait();
        });
        spinner.Start();
        waiter.Start();
        try
        {
            while (Volatile.Read(ref spinning) is null || Volatile.Read(ref idle) is null)
            {
                Thread.Sleep(10);
            }

            var ignored = new ProcessTreeMeter(Environment.ProcessId).IgnoreBusyThreads(TimeSpan.FromMilliseconds(300));

            // /proc/thread-self names the thread as PID/task/TID.
            Assert.Contains($"/proc/{spinning}", ignored);
            Assert.DoesNotContain($"/proc/{idle}", ignored);
        }
        finally
        {
            stop.Cancel();
            parked.Set();
            spinner.Join();
            waiter.Join();
        }
    }

    [Fact]
    public void A_spinning_thread_set_aside_no_longer_spends_the_time_limits_clock()
    {
        string? spinning = null;
        using var stop = new CancellationTokenSource();
        var spinner = new Thread(() =>
        {
            spinning = new DirectoryInfo("/proc/thread-self").LinkTarget;
            while (!stop.IsCancellationRequested)
            {
                Thread.SpinWait(1000);
            }
        });
        spinner.Start();
        try
        {
            while (Volatile.Read(ref spinning) is null)
            {
                Thread.Sleep(10);
            }

            var meter = new ProcessTreeMeter(Environment.ProcessId);
            Assert.Contains($"/proc/{spinning}", meter.IgnoreBusyThreads(TimeSpan.FromMilliseconds(300)));
            TimeSpan before = meter.ProcessCpu(), spinnerBefore = ThreadCpu(spinning!);
            // However busy the machine, the spinner is given at least 300 ms of CPU time before the meter is read again.
            var deadline = Stopwatch.StartNew();
            while (ThreadCpu(spinning!) - spinnerBefore < TimeSpan.FromMilliseconds(300) && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                Thread.Sleep(20);
            }

            TimeSpan rose = meter.ProcessCpu() - before, spun = ThreadCpu(spinning!) - spinnerBefore;

            Assert.True(spun >= TimeSpan.FromMilliseconds(300), $"the spinner ran only {spun.TotalMilliseconds} ms in 30 s");
            // The rest of this test process (its other tests, its collector) may run meanwhile, but not the spinner's 300 ms.
            Assert.True(rose < spun - TimeSpan.FromMilliseconds(150), $"the meter rose by {rose.TotalMilliseconds} ms while the spinner ran {spun.TotalMilliseconds} ms");
        }
        finally
        {
            stop.Cancel();
            spinner.Join();
        }
    }

    // A thread's user and system time from /proc/PID/task/TID/stat, in 10 ms clock ticks.
    private static TimeSpan ThreadCpu(string task)
    {
        string stat = File.ReadAllText($"/proc/{task}/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return TimeSpan.FromMilliseconds((long.Parse(fields[11]) + long.Parse(fields[12])) * 10.0);
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
