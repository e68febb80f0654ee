using TinyTorch.Analysis.Instruments;
using TinyTorch.Analysis.Simulation;
using TinyTorch.Analysis.Tests.Support;

namespace TinyTorch.Analysis.Tests.Instruments;

public sealed class StarvationSimulatorTests
{
    private static readonly Lazy<StarvationResult> s_result = new(() => StarvationSimulator.Run(
        new SimulatedLatencyDataset(SmallData.Images(40), TimeSpan.FromMilliseconds(0.2)),
        batchSize: 4, stepCost: TimeSpan.FromMilliseconds(1), workerCounts: [0, 2], maxBatches: 8));

    [Fact]
    public void EachRunFeedsTheAcceleratorTheRequestedBatches()
    {
        var result = s_result.Value;

        Assert.Equal([0, 2], result.Runs.Select(r => r.Workers));
        foreach (var run in result.Runs)
        {
            Assert.Equal(8, run.Batches);
            var accelerator = run.Timeline.Where(s => s.Lane == StarvationSimulator.AcceleratorLane).ToArray();
            Assert.Equal(8, accelerator.Count(s => s.Activity == TimelineActivity.Compute));
            Assert.Equal(8, accelerator.Count(s => s.Activity == TimelineActivity.Waiting));
            Assert.All(run.Timeline, s => Assert.True(s.EndMilliseconds >= s.StartMilliseconds && s.StartMilliseconds >= 0));
            Assert.True(run.Compute + run.Waiting <= run.Elapsed, $"compute {run.Compute} + waiting {run.Waiting} exceed the epoch {run.Elapsed}");
            Assert.InRange(run.IdleFraction, 0, 1);
        }
    }

    [Fact]
    public void LoadingHappensOnTheMainThreadWithoutWorkersAndOnWorkersOtherwise()
    {
        var result = s_result.Value;

        string[] lanes(StarvationRun run) => run.Timeline.Where(s => s.Activity == TimelineActivity.Loading).Select(s => s.Lane).Distinct().Order().ToArray();
        Assert.Equal([StarvationSimulator.MainThreadLane], lanes(result.Runs[0]));
        Assert.Equal(["worker 1", "worker 2"], lanes(result.Runs[1]));
    }

    [Fact]
    public void ChartDrawsEverySpanAsABarFromItsStart()
    {
        var result = s_result.Value;

        var figure = FigureData.Of(result.ToChart());

        Assert.Equal("overlay", figure.Layout.GetProperty("barmode").GetString());
        foreach (var (activity, name) in StarvationResult.ActivityNames)
        {
            var spans = result.Runs.SelectMany(r => r.Timeline.Where(s => s.Activity == activity).Select(s => (Run: r, Span: s))).ToArray();
            var trace = figure.Trace(name);
            Assert.Equal("h", trace.GetProperty("orientation").GetString());
            Assert.Equal(spans.Select(x => x.Span.DurationMilliseconds), FigureData.Numbers(trace, "x"));
            Assert.Equal(spans.Select(x => x.Span.StartMilliseconds), FigureData.Numbers(trace, "base"));
            Assert.Equal(spans.Select(x => StarvationResult.LaneLabel(x.Run, x.Span.Lane)), FigureData.Strings(trace, "y"));
        }

        Assert.Equal("time since the epoch started (ms)", FigureData.AxisTitle(figure.AxisOf(figure.Traces[0], 'x')));
    }

    [Fact]
    public void ChartOfFewerBatchesCutsEachRunAtTheEndOfThatStep()
    {
        var result = s_result.Value;

        var figure = FigureData.Of(result.ToChart(batches: 3));

        var compute = figure.Trace(StarvationResult.ActivityNames[TimelineActivity.Compute]);
        Assert.Equal(3 * result.Runs.Count, FigureData.Numbers(compute, "x").Length);
        double lastEnd = result.Runs.Max(r => r.Timeline.Where(s => s.Activity == TimelineActivity.Compute).OrderBy(s => s.StartMilliseconds).ElementAt(2).EndMilliseconds);
        foreach (var trace in figure.Traces)
        {
            var starts = FigureData.Numbers(trace, "base");
            var ends = starts.Zip(FigureData.Numbers(trace, "x"), (b, d) => b + d);
            Assert.All(ends, end => Assert.True(end <= lastEnd + 1e-9, $"a bar ends at {end} ms, after the third step ({lastEnd} ms)"));
        }

        Assert.Contains("first 3 of 8 batches", figure.Layout.GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void AcceleratorLaneLabelReportsTheIdleFraction()
    {
        var run = new StarvationRun(2, 1, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(7), TimeSpan.FromMilliseconds(3), []);

        Assert.Equal(0.3, run.IdleFraction, 9);
        Assert.Equal("2 workers · accelerator (idle 30%)", StarvationResult.LaneLabel(run, StarvationSimulator.AcceleratorLane));
        Assert.Equal("2 workers · worker 1", StarvationResult.LaneLabel(run, "worker 1"));
    }

    [Fact]
    public void RejectsNegativeCostsAndWorkerCounts()
    {
        var data = SmallData.Images(4);

        Assert.Throws<ArgumentOutOfRangeException>(() => StarvationSimulator.Run(data, 2, TimeSpan.FromMilliseconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => StarvationSimulator.Run(data, 2, TimeSpan.Zero, workerCounts: [-1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => StarvationSimulator.Run(data, 2, TimeSpan.Zero, maxBatches: 0));
    }
}
