using TinyTorch.Analysis.Instruments;
using TinyTorch.Analysis.Tests.Support;
using TinyTorch.Transforms;

namespace TinyTorch.Analysis.Tests.Instruments;

public sealed class EpochProfilerTests
{
    private sealed class CountingTransform : ITransform
    {
        public int Calls { get; private set; }

        public Tensor Apply(Tensor input)
        {
            Calls++;
            return input.Clone();
        }
    }

    [Fact]
    public void RunsEveryStageOnEverySampleAndBatch()
    {
        var transform = new CountingTransform();
        var batchSizes = new List<int>();

        var profile = EpochProfiler.Run(SmallData.Images(30), batchSize: 8, transform, b => batchSizes.Add(b.SampleCount), epochs: 2);

        Assert.Equal(60, transform.Calls);
        Assert.Equal([8, 8, 8, 6, 8, 8, 8, 6], batchSizes);
        Assert.Equal(2, profile.Epochs.Count);
        Assert.Equal((8, 30), (profile.BatchSize, profile.Samples));
        Assert.Equal(1.0, profile.Shares.Sum(), 9);
    }

    [Fact]
    public void ChartStacksOneBarPerEpochWithOneSegmentPerStage()
    {
        var profile = EpochProfiler.Run(SmallData.Images(20), batchSize: 4, new RandomHorizontalFlip(seed: 1), epochs: 3);

        var figure = FigureData.Of(profile.ToChart());

        Assert.Equal("stack", figure.Layout.GetProperty("barmode").GetString());
        Assert.Equal(4, figure.Traces.Length);
        for (int stage = 0; stage < 4; stage++)
        {
            var trace = figure.Traces[stage];
            Assert.StartsWith(StageTimes.StageNames[stage] + " (", trace.GetProperty("name").GetString());
            Assert.Equal(["epoch 1", "epoch 2", "epoch 3"], FigureData.Strings(trace, "x"));
            Assert.Equal(profile.Epochs.Select(e => e.InOrder[stage].TotalMilliseconds), FigureData.Numbers(trace, "y"));
        }

        Assert.Equal("time (ms)", FigureData.AxisTitle(figure.AxisOf(figure.Traces[0], 'y')));
    }
}
