using System.Diagnostics;
using Course.Specs.Core;
using TinyTorch;
using TinyTorch.Data;

namespace Course.Autograder.Tests;

/// <summary>
/// A check's time limit where the code under test runs apart (the grading runner): counted in the CPU time that code
/// used, so a loaded machine cannot time out a correct submission, with the wall clock only for code that waits.
/// The meter here is made up: it says how much CPU time the code "used" however busy this machine is.
/// </summary>
public sealed class CheckTimeLimitTests
{
    // Every check's limit is 10 s; scaled to 0.3 s here.
    private const double Scale = 0.03;

    [Fact]
    public void Code_that_spins_times_out_by_its_cpu_time()
    {
        var world = new MeteredWorld(cpuPerWallSecond: 1.0);
        var result = SpecRunner.RunOne(Check(() => Thread.Sleep(Timeout.Infinite)), new Implementation { World = world }, Scale);

        Assert.Equal(CheckStatus.TimedOut, result.Status);
        Assert.Equal("Timed out after 0.3 s of CPU time in check made-up: the code under test did not finish (look for an infinite loop).", result.Message);
    }

    [Fact]
    public void Code_that_gets_a_small_share_of_a_busy_machine_passes_though_the_wall_clock_passes_its_limit()
    {
        // A tenth of a core for 1.2 s: 0.12 s of CPU time, under the 0.3 s limit, where the wall clock is four times it.
        var world = new MeteredWorld(cpuPerWallSecond: 0.1);
        var result = SpecRunner.RunOne(Check(() => Thread.Sleep(1200)), new Implementation { World = world }, Scale);

        Assert.Equal(CheckStatus.Passed, result.Status);
        Assert.True(result.Elapsed > TimeSpan.FromSeconds(1), $"it took {result.Elapsed}");
    }

    [Fact]
    public void Code_that_waits_without_working_times_out_once_the_wall_clock_passes_its_limit()
    {
        var world = new MeteredWorld(cpuPerWallSecond: 0);
        var clock = Stopwatch.StartNew();
        var result = SpecRunner.RunOne(Check(() => Thread.Sleep(Timeout.Infinite)), new Implementation { World = world }, Scale);

        Assert.Equal(CheckStatus.TimedOut, result.Status);
        Assert.Matches(@"^Timed out after \d(\.\d)? s in check made-up: the code under test waited without doing any work and did not finish \(look for a wait that never ends: a lock, a queue nobody fills, a thread nobody starts\)\.$", result.Message);
        // Only after about two seconds of stillness (the window), not at the limit's 0.3 s, and not much later.
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.7, 6);
    }

    [Fact]
    public void Code_that_answers_many_small_calls_is_not_waiting_though_it_uses_almost_no_cpu_time()
    {
        // No CPU time to speak of, but a message every 20 ms (a check calling a transform thousands of times on a
        // loaded machine): past the 2 s window of stillness, and it finishes, before the 3 s wall bound.
        var world = new MeteredWorld(cpuPerWallSecond: 0, messagesPerWallSecond: 50);
        var result = SpecRunner.RunOne(Check(() => Thread.Sleep(2600)), new Implementation { World = world }, Scale);

        Assert.Equal(CheckStatus.Passed, result.Status);
        Assert.True(result.Elapsed > TimeSpan.FromSeconds(2.5), $"it took {result.Elapsed}");
    }

    [Fact]
    public void Code_that_keeps_itself_barely_busy_times_out_at_ten_times_the_limit_on_the_wall_clock()
    {
        // 5% of a core: never still, and 0.3 s of CPU time would take 6 s; the wall bound (3 s) comes first.
        var world = new MeteredWorld(cpuPerWallSecond: 0.05);
        var result = SpecRunner.RunOne(Check(() => Thread.Sleep(Timeout.Infinite)), new Implementation { World = world }, Scale);

        Assert.Equal(CheckStatus.TimedOut, result.Status);
        Assert.Matches(@"^Timed out after 3(\.\d)? s in check made-up, having used 0\.\d s of CPU time: the code under test did not finish \(look for a loop that never ends, perhaps around a sleep or a wait\)\.$", result.Message);
    }

    [Fact]
    public void Without_a_meter_the_limit_is_the_wall_clock()
    {
        var result = SpecRunner.RunOne(Check(() => Thread.Sleep(Timeout.Infinite)), new Implementation(), Scale);

        Assert.Equal(CheckStatus.TimedOut, result.Status);
        Assert.Equal("Timed out after 0.3 s in check made-up: the code under test did not finish (look for an infinite loop or a wait that never ends).", result.Message);
    }

    private static Spec Check(Action body) => new("made-up", "made-up-cell", 1, "A made-up check", "No hint.", _ => body());

    // The in-process world, with a CPU meter that advances at a set share of the wall clock.
    private sealed class MeteredWorld(double cpuPerWallSecond, double messagesPerWallSecond = 0) : ISpecWorld, ICpuMeter
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly ISpecWorld _world = InProcessWorld.Instance;

        public string ScratchFolder => _world.ScratchFolder;

        public TimeSpan CpuUsed() => _clock.Elapsed * cpuPerWallSecond;

        public long MessagesReceived() => (long)(_clock.Elapsed.TotalSeconds * messagesPerWallSecond);

        public bool SameObject(Tensor a, Tensor b) => _world.SameObject(a, b);

        public void Fill(Tensor tensor, float value) => _world.Fill(tensor, value);

        public Tensor Refresh(Tensor tensor) => _world.Refresh(tensor);

        public Dataset<Tensor[]> Synthetic(int count, int features, bool prebuilt = false) => _world.Synthetic(count, features, prebuilt);

        public void Settle() => _world.Settle();

        public TimeSpan StudentCpu(Action action) => _world.StudentCpu(action);

        public TimedRun CollateEach(Func<IReadOnlyList<Tensor[]>, Tensor[]> collate, IReadOnlyList<IReadOnlyList<Tensor[]>> sampleLists) => _world.CollateEach(collate, sampleLists);

        public TimedRun Drain(IEnumerable<IReadOnlyList<Tensor>> batches, int epochs = 1) => _world.Drain(batches, epochs);

        public TimedRun DrainAfterFirst(IEnumerable<IReadOnlyList<Tensor>> batches, int count, int stepRounds) => _world.DrainAfterFirst(batches, count, stepRounds);

        public long StudentBytesRead(Action action) => _world.StudentBytesRead(action);
    }
}
