using TinyTorch.Analysis.Instruments;
using TinyTorch.Analysis.Tests.Support;
using TinyTorch.Data;

namespace TinyTorch.Analysis.Tests.Instruments;

public sealed class BatchSizeSweepTests
{
    private static readonly TensorDataset s_data = SmallData.Images(60);

    [Fact]
    public void MeasuresEveryBatchSizeWithTheBytesOfARealBatch()
    {
        int steps = 0;
        var result = BatchSizeSweep.Run(b => new DataLoader(s_data, b, shuffle: true, seed: 1), [1, 4, 16], epochs: 2, step: _ => steps++);

        Assert.Equal([1, 4, 16], result.Points.Select(p => p.BatchSize));
        Assert.Equal([SmallData.BatchBytes(1), SmallData.BatchBytes(4), SmallData.BatchBytes(16)], result.Points.Select(p => p.BytesPerBatch));
        Assert.Equal([60, 15, 4], result.Points.Select(p => p.BatchesPerEpoch));
        Assert.All(result.Points, p => Assert.True(p.SamplesPerSecond > 0 && double.IsFinite(p.SamplesPerSecond)));
        Assert.Equal(2 * (60 + 15 + 4), steps); // every timed epoch's batch reached the consumer
    }

    [Fact]
    public void ChartPlotsTheMeasuredSeriesOnLogBatchSizeAxes()
    {
        var result = BatchSizeSweep.Run(b => new DataLoader(s_data, b), [2, 8, 32], epochs: 1);

        var figure = FigureData.Of(result.ToChart());

        var throughput = figure.Trace("throughput");
        var memory = figure.Trace("bytes per batch");
        Assert.Equal(result.Points.Select(p => (double)p.BatchSize), FigureData.Numbers(throughput, "x"));
        Assert.Equal(result.Points.Select(p => p.SamplesPerSecond), FigureData.Numbers(throughput, "y"));
        Assert.Equal(result.Points.Select(p => (double)p.BytesPerBatch), FigureData.Numbers(memory, "y"));
        Assert.Equal("log", FigureData.AxisType(figure.AxisOf(throughput, 'x')));
        Assert.Equal("log", FigureData.AxisType(figure.AxisOf(memory, 'y')));
        Assert.Equal("throughput (samples/s)", FigureData.AxisTitle(figure.AxisOf(throughput, 'y')));
        Assert.Equal("memory per batch (bytes)", FigureData.AxisTitle(figure.AxisOf(memory, 'y')));
    }

    [Fact]
    public void RejectsAFactoryThatIgnoresTheBatchSize()
    {
        var e = Assert.Throws<ArgumentException>(() => BatchSizeSweep.Run(_ => new DataLoader(s_data, 8), [4]));

        Assert.Contains("batch size 4", e.Message);
    }

    [Fact]
    public void RejectsEmptyAndNonPositiveSizes()
    {
        Assert.Throws<ArgumentException>(() => BatchSizeSweep.Run(b => new DataLoader(s_data, b), []));
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchSizeSweep.Run(b => new DataLoader(s_data, b), [4, 0]));
    }
}
