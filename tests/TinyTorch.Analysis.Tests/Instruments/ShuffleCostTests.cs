using TinyTorch.Analysis.Instruments;
using TinyTorch.Analysis.Tests.Support;

namespace TinyTorch.Analysis.Tests.Instruments;

public sealed class ShuffleCostTests
{
    [Fact]
    public void MeasuresEverySizeAndReportsTheBytesEachWayTouches()
    {
        var result = ShuffleCost.Run([100, 1000], sampleLength: 64, repeats: 2);

        Assert.Equal([100, 1000], result.Points.Select(p => p.DatasetSize));
        var large = result.Points[1];
        Assert.Equal(256, large.SampleBytes);
        Assert.Equal(4_000, large.IndexBytes);
        Assert.Equal(256_000, large.DataBytes);
    }

    [Fact]
    public void ChartPlotsBothTimesInMillisecondsOnLogAxes()
    {
        var result = ShuffleCost.Run([50, 500], sampleLength: 16, repeats: 1);

        var figure = FigureData.Of(result.ToChart());

        var indices = figure.Trace("shuffle indices");
        var data = figure.Trace("shuffle the data");
        Assert.Equal([50.0, 500.0], FigureData.Numbers(indices, "x"));
        Assert.Equal(result.Points.Select(p => p.IndexShuffle.TotalMilliseconds), FigureData.Numbers(indices, "y"));
        Assert.Equal(result.Points.Select(p => p.DataShuffle.TotalMilliseconds), FigureData.Numbers(data, "y"));
        Assert.Equal("time per shuffle (ms)", FigureData.AxisTitle(figure.AxisOf(indices, 'y')));
        Assert.Equal("log", FigureData.AxisType(figure.AxisOf(indices, 'y')));
    }
}
