using TinyTorch.Analysis.Instruments;
using TinyTorch.Analysis.Tests.Support;
using TinyTorch.Data;

namespace TinyTorch.Analysis.Tests.Instruments;

[Collection(MeasurementCollection.Name)]
public sealed class EagerVersusLazyTests
{
    private static readonly Lazy<MemoryComparison> s_result = new(() =>
        EagerVersusLazy.Run(n => new DataLoader(SmallData.Images(n, 3, 16, 16), 16), [64, 1024]));

    [Fact]
    public void EagerHoldsTheWholeEpochWhileLazyHoldsAboutOneBatch()
    {
        var large = s_result.Value.Points[^1];

        Assert.Equal(1024L * (3 * 16 * 16 + 1) * sizeof(float), large.EpochBatchBytes);
        Assert.True(large.EagerPeakBytes >= 0.9 * large.EpochBatchBytes,
            $"Holding every batch should cost at least the batches' {large.EpochBatchBytes} bytes, but the peak was {large.EagerPeakBytes}.");
        Assert.True(large.LazyPeakBytes < large.EagerPeakBytes / 4,
            $"Streaming should hold about one batch, but its peak {large.LazyPeakBytes} is not far below eager's {large.EagerPeakBytes}.");
    }

    [Fact]
    public void ChartPlotsBothPeaksAgainstDatasetSizeOnLogAxes()
    {
        var result = s_result.Value;

        var figure = FigureData.Of(result.ToChart());

        var eager = figure.Trace("eager: every batch first");
        var lazy = figure.Trace("lazy: one batch at a time");
        Assert.Equal([64.0, 1024.0], FigureData.Numbers(eager, "x"));
        Assert.Equal(result.Points.Select(p => (double)p.EagerPeakBytes), FigureData.Numbers(eager, "y"));
        Assert.Equal(result.Points.Select(p => (double)p.LazyPeakBytes), FigureData.Numbers(lazy, "y"));
        Assert.Equal("log", FigureData.AxisType(figure.AxisOf(eager, 'x')));
        Assert.Equal("log", FigureData.AxisType(figure.AxisOf(eager, 'y')));
    }

    [Fact]
    public void RejectsAFactoryThatIgnoresTheDatasetSize()
    {
        var e = Assert.Throws<ArgumentException>(() => EagerVersusLazy.Run(_ => new DataLoader(SmallData.Images(10), 4), [20]));

        Assert.Contains("20 samples", e.Message);
    }
}
