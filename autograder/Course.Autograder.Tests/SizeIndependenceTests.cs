using Course.Specs.Core;
using TinyTorch;

namespace Course.Autograder.Tests;

/// <summary>
/// Timing.SizeIndependent and the world's timing of the batches after an epoch's first, which together make
/// dataloader-epoch-scaling: the measure and the verdict, on made-up times and made-up loaders.
/// </summary>
public sealed class SizeIndependenceTests
{
    [Fact]
    public void Work_that_costs_the_same_at_both_sizes_passes_with_its_ratio_measured()
    {
        double ratio = Timing.SizeIndependent("a batch", "samples", _ => TimeSpan.FromMilliseconds(2), 100, 6_400, 3);

        Assert.Equal(1, ratio, 6);
        Assert.Equal(1, Timing.TakeLastMeasurement()!.Value, 6);
    }

    [Fact]
    public void Work_that_grows_with_the_size_fails_after_ten_runs_a_side_naming_both_times()
    {
        var failure = Assert.Throws<SpecFailure>(() =>
            Timing.SizeIndependent("a batch", "samples", n => TimeSpan.FromMilliseconds(n / 100.0), 100, 6_400, 3));

        Assert.Equal(
            "Expected a batch to cost about the same among 6,400 samples as among 100 (CPU time x3 at most), but it cost x64.0 " +
            "(1 ms among 100, 64 ms among 6,400, the least CPU time of 10 interleaved runs each): look for work over all the samples repeated inside the loop.",
            failure.Message);
        Assert.Equal(64, failure.Measured!.Value, 6);
    }

    [Fact]
    public void Each_size_keeps_its_least_time_so_one_slow_run_on_a_busy_machine_does_not_fail_the_work()
    {
        int largeRuns = 0;
        // The first three measured runs at the larger size are slowed five times over, as by another process's turn.
        TimeSpan Measure(int n) => n == 100 ? TimeSpan.FromMilliseconds(2) : TimeSpan.FromMilliseconds(++largeRuns is >= 2 and <= 4 ? 10 : 2);

        double ratio = Timing.SizeIndependent("a batch", "samples", Measure, 100, 6_400, 3);

        Assert.Equal(1, ratio, 6);
        Assert.Equal(6, largeRuns);
    }

    [Fact]
    public void The_batches_after_an_epochs_first_are_timed_without_the_epochs_start()
    {
        // An epoch whose start (before its first batch) spins for 300 ms of CPU time, as a loader reading everything
        // ahead would, and whose later batches cost nothing much.
        static IEnumerable<IReadOnlyList<Tensor>> Epoch()
        {
            TimeSpan start = CpuClock.CurrentThread();
            while (CpuClock.CurrentThread() - start < TimeSpan.FromMilliseconds(300))
            {
            }

            for (int b = 0; b < 10; b++)
            {
                yield return [Tensor.Scalar(b)];
            }
        }

        TimedRun run = InProcessWorld.Instance.DrainAfterFirst(Epoch(), 4, stepRounds: 0);

        Assert.True(run.Cpu < TimeSpan.FromMilliseconds(150), $"timed {run.Cpu.TotalMilliseconds} ms");
        Assert.Equal([0f, 1f, 2f, 3f, 4f], run.Outputs.Select(batch => batch[0].Values![0]));
    }

    [Fact]
    public void The_training_step_after_each_timed_batch_is_timed_with_it()
    {
        static IEnumerable<IReadOnlyList<Tensor>> Epoch() => Enumerable.Range(0, 100).Select(b => (IReadOnlyList<Tensor>)[Tensor.Scalar(b)]);

        TimeSpan without = Enumerable.Range(0, 3).Min(_ => InProcessWorld.Instance.DrainAfterFirst(Epoch(), 50, stepRounds: 0).Cpu);
        TimeSpan with = Enumerable.Range(0, 3).Min(_ => InProcessWorld.Instance.DrainAfterFirst(Epoch(), 50, stepRounds: 200_000).Cpu);

        // 50 steps of 200,000 rounds: ten million dependent rounds, some milliseconds on any machine.
        Assert.True(with - without > TimeSpan.FromMilliseconds(2), $"without {without.TotalMilliseconds} ms, with {with.TotalMilliseconds} ms");
    }

    [Fact]
    public void An_epoch_shorter_than_asked_gives_the_batches_it_had()
    {
        TimedRun run = InProcessWorld.Instance.DrainAfterFirst(Enumerable.Range(0, 3).Select(b => (IReadOnlyList<Tensor>)[Tensor.Scalar(b)]), 10, stepRounds: 0);

        Assert.Equal(3, run.Outputs.Count);
    }

    [Fact]
    public void A_batch_that_is_not_a_list_of_tensors_is_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => InProcessWorld.TakeHere(new object[] { "not a batch" }.GetEnumerator(), 1, 0, () => TimeSpan.Zero));

        Assert.Equal("The loader produced a String as a batch, not a list of tensors.", error.Message);
    }

    [Theory]
    [InlineData(0, 0, "count")]
    [InlineData(100_001, 0, "count")]
    [InlineData(1, -1, "stepRounds")]
    [InlineData(1, 1_000_001, "stepRounds")]
    public void Counts_out_of_range_are_refused(int count, int stepRounds, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => InProcessWorld.Instance.DrainAfterFirst([], count, stepRounds));

        Assert.Equal(name, error.ParamName);
        Assert.StartsWith($"{name} ('{(name == "count" ? count : stepRounds)}') must be", error.Message, StringComparison.Ordinal);
    }
}
