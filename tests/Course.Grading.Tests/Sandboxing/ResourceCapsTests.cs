using System.Diagnostics;
using Course.Grading.Results;
using Course.Grading.Running;
using Course.Grading.Sandboxing;
using Course.Grading.Tests.Support;
using static Course.Grading.Tests.Results;

namespace Course.Grading.Tests.Sandboxing;

/// <summary>The CPU-time cap: with prlimit and with the shell's ulimit, alone and as GradingRun applies and diagnoses it.</summary>
public sealed class ResourceCapsTests : IDisposable
{
    private const string BusyLoop = "while :; do :; done";
    private readonly string _root = Directory.CreateTempSubdirectory("course-cpu-cap-").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    [RequiresToolFact("prlimit", "--version")]
    public void Prlimit_stops_a_busy_loop_at_the_cap_with_SIGXCPU() => AssertStopsBusyLoop(ResourceCaps.FindPrlimit());

    [Fact]
    public void The_shells_ulimit_stops_a_busy_loop_at_the_cap_where_prlimit_is_missing() => AssertStopsBusyLoop(prlimit: null);

    [Fact]
    public void A_command_under_the_cap_runs_normally_and_keeps_its_arguments()
    {
        var (exit, output) = Shell.Run(ResourceCaps.Wrap(Shell.Bash("echo \"[$1] [$2]\"; ulimit -S -t; ulimit -H -t; ulimit -c", "one two", "--"), TimeSpan.FromSeconds(7), prlimitPath: null));

        Assert.Equal(0, exit);
        Assert.Equal("[one two] [--]\n7\n9\n0\n", output);
    }

    [Fact]
    public void The_prlimit_command_sets_a_soft_cap_a_hard_cap_two_seconds_later_and_no_core_dumps()
    {
        var wrapped = ResourceCaps.Wrap(new ProcessStartInfo("/bin/true"), TimeSpan.FromSeconds(2.5), "/usr/bin/prlimit");

        Assert.Equal("/usr/bin/prlimit", wrapped.FileName);
        Assert.Equal(["--cpu=3:5", "--core=0", "--", "/bin/true"], wrapped.ArgumentList);
    }

    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(-1.5, "-1.5 s")]
    public void A_cap_that_is_not_positive_is_refused_with_its_value(double seconds, string shown)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ResourceCaps.Wrap(new ProcessStartInfo("/bin/true"), TimeSpan.FromSeconds(seconds), null));
        Assert.Equal("limit", e.ParamName);
        Assert.Contains($"The CPU-time cap must be positive, but was {shown}.", e.Message);
    }

    [Fact]
    public async Task GradingRun_reports_a_submission_stopped_by_the_cap_as_timed_out_naming_the_cap()
    {
        var clock = Stopwatch.StartNew();
        var result = (await Run(TimeSpan.FromSeconds(1)).RunAsync([Submission()], Path.GetFileName)).Single();

        Assert.Equal(SubmissionStatus.TimedOut, result.Status);
        Assert.Contains("more than 1 s of CPU time (the CPU-time cap)", result.Reason);
        Assert.Equal(2, result.Score); // the check that finished before the loop keeps its points
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"The cap should stop it long before the 60 s wall-time limit; took {clock.Elapsed}.");
    }

    [Fact]
    public void The_default_cap_is_twice_the_wall_time_limit()
    {
        Assert.Equal(TimeSpan.FromSeconds(14), Run(null, wall: TimeSpan.FromSeconds(7)).CpuTimeLimit);
        Assert.Equal(TimeSpan.FromSeconds(3), Run(TimeSpan.FromSeconds(2.2)).CpuTimeLimit);
    }

    [Fact]
    public void GradingRun_refuses_limits_that_are_not_positive_naming_the_value()
    {
        var cpu = Assert.Throws<ArgumentOutOfRangeException>(() => Run(TimeSpan.FromSeconds(-1)));
        Assert.Contains("The CPU-time cap must be positive, but was -1 s.", cpu.Message);

        var wall = Assert.Throws<ArgumentOutOfRangeException>(() => Run(null, wall: TimeSpan.Zero));
        Assert.Contains("The wall-time limit must be positive, but was 0 s.", wall.Message);

        var memory = Assert.Throws<ArgumentOutOfRangeException>(() => new GradingRun(Options(null, TimeSpan.FromSeconds(5)) with { MemoryLimitBytes = -5 }));
        Assert.Contains("The memory limit must be positive, but was -5 bytes.", memory.Message);
    }

    [Fact]
    public async Task GradingRun_starts_the_runner_with_its_heap_capped_and_two_malloc_arenas()
    {
        var options = Options(null, TimeSpan.FromSeconds(60)) with
        {
            MemoryLimitBytes = 768L << 20,
            Grader = new ScriptedGrader(ScriptedRunner.Start(_ =>
                """test "$DOTNET_GCHeapHardLimit" = 0x30000000 && echo 'pass x'; test "$MALLOC_ARENA_MAX" = 2 && echo 'pass y'; echo done""")),
        };

        var result = (await new GradingRun(options).RunAsync([Submission()], Path.GetFileName)).Single();

        Assert.Equal(["x", "y"], result.Checks.Where(c => c.Status == CheckOutcomeStatus.Passed).Select(c => c.Id));
    }

    [Theory]
    [InlineData(0L, "0 bytes")]
    [InlineData(-7L, "-7 bytes")]
    public void A_heap_cap_that_is_not_positive_is_refused_with_its_value(long bytes, string shown)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ResourceCaps.MemoryEnvironment(bytes));
        Assert.Equal("heapBytes", e.ParamName);
        Assert.Contains($"The heap cap must be positive, but was {shown}.", e.Message);
    }

    // Each thread that calls malloc gets an arena of its own, 64 MiB of address space, up to eight per core: sixteen
    // threads take a gigabyte of the cap without the environment, and two arenas' worth with it.
    [RequiresToolFact("/usr/bin/python3", "--version")]
    public void The_memory_environment_keeps_many_threads_from_reserving_an_arena_each()
    {
        const string Threads = """
            import re, threading
            threading.stack_size(1 << 20)
            def size(): return int(re.search(r'VmSize:\s+(\d+)', open('/proc/self/status').read()).group(1))
            start, ready, done, kept = size(), threading.Barrier(17), threading.Event(), []
            def work():
                kept.append(bytearray(4000))
                ready.wait(); done.wait()
            threads = [threading.Thread(target=work, daemon=True) for _ in range(16)]
            for t in threads: t.start()
            ready.wait(); print((size() - start) // 1024); done.set()
            """;
        int Growth(bool capped)
        {
            var start = new ProcessStartInfo("/usr/bin/python3") { ArgumentList = { "-c", Threads } };
            start.Environment.Remove("MALLOC_ARENA_MAX");
            if (capped)
            {
                foreach (var (name, value) in ResourceCaps.MemoryEnvironment(1L << 30))
                {
                    start.Environment[name] = value;
                }
            }

            var (exit, output) = Shell.Run(start);
            Assert.True(exit == 0, $"python3 failed: {output}");
            return int.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }

        int free = Growth(capped: false), capped = Growth(capped: true);

        // Sixteen thread stacks (1 MiB each, set so: the default follows the stack ulimit, up to 32 MiB when unlimited)
        // and two arenas, against up to sixteen arenas more.
        Assert.True(capped < 320, $"With the memory environment 16 threads grew the address space by {capped} MiB.");
        Assert.True(free - capped >= 256, $"Without it they grew it by {free} MiB, with it by {capped} MiB: the environment should have saved the arenas.");
    }

    private static void AssertStopsBusyLoop(string? prlimit)
    {
        var clock = Stopwatch.StartNew();
        var (exit, _) = Shell.Run(ResourceCaps.Wrap(Shell.Bash(BusyLoop), TimeSpan.FromSeconds(1), prlimit), timeoutSeconds: 30);

        Assert.Equal(ResourceCaps.ExitCode, exit);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"Took {clock.Elapsed}.");
    }

    private GradingRun Run(TimeSpan? cpu, TimeSpan? wall = null) => new(Options(cpu, wall ?? TimeSpan.FromSeconds(60)));

    private GradingRunOptions Options(TimeSpan? cpu, TimeSpan wall) => new()
    {
        OutputDirectory = Path.Combine(_root, "out"),
        Notebooks = ["01-a.ipynb", "02-b.ipynb"],
        AllChecks = [Check("x", "01-a.ipynb", 2, false), Check("y", "02-b.ipynb", 3, false)],
        Fingerprint = _ => "f",
        WallTimeLimit = wall,
        CpuTimeLimit = cpu,
        Grader = new ScriptedGrader(ScriptedRunner.Start(_ => $"echo 'pass x'; {BusyLoop}")),
    };

    private string Submission()
    {
        string folder = Path.Combine(_root, "subs", "spinner");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
