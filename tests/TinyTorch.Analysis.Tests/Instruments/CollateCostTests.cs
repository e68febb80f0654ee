using TinyTorch.Analysis.Instruments;
using TinyTorch.Analysis.Tests.Support;

namespace TinyTorch.Analysis.Tests.Instruments;

public sealed class CollateCostTests
{
    private static readonly Lazy<CollateCostResult> s_result = new(() => CollateCost.Run([1, 8, 32], sampleShape: [3, 8, 8], repeats: 3));

    [Fact]
    public void NaiveCollationAllocatesEverySampleTwiceWhilePooledAllocatesAlmostNothing()
    {
        foreach (var p in s_result.Value.Points)
        {
            long batchBytes = (long)p.BatchSize * p.SampleBytes;
            Assert.Equal((3 * 8 * 8 + 1) * sizeof(float), p.SampleBytes);
            // One array per sample, then the batch array: at least twice the batch's bytes.
            Assert.True(p.NaiveAllocatedBytes >= 2 * batchBytes, $"batch {p.BatchSize}: naive allocated {p.NaiveAllocatedBytes} bytes, under 2 × {batchBytes}");
            Assert.True(p.PooledAllocatedBytes < 1024, $"batch {p.BatchSize}: pooled allocated {p.PooledAllocatedBytes} bytes");
        }
    }

    [Fact]
    public void ChartPlotsTimeAndAllocationPerSampleForBothWays()
    {
        var result = s_result.Value;

        var figure = FigureData.Of(result.ToChart());

        var naiveTime = figure.Trace("naive: new array per sample + new batch");
        var pooledTime = figure.Trace("pooled: copy into one reused buffer");
        var naiveBytes = figure.Trace("naive: bytes allocated per sample");
        var pooledBytes = figure.Trace("pooled: bytes allocated per sample");
        Assert.Equal([1.0, 8.0, 32.0], FigureData.Numbers(naiveTime, "x"));
        Assert.Equal(result.Points.Select(p => p.Naive.TotalMicroseconds), FigureData.Numbers(naiveTime, "y"));
        Assert.Equal(result.Points.Select(p => p.Pooled.TotalMicroseconds), FigureData.Numbers(pooledTime, "y"));
        Assert.Equal(result.Points.Select(p => (double)p.NaiveAllocatedBytes / p.BatchSize), FigureData.Numbers(naiveBytes, "y"));
        Assert.Equal(result.Points.Select(p => (double)p.PooledAllocatedBytes / p.BatchSize), FigureData.Numbers(pooledBytes, "y"));
        Assert.Equal("time per batch (µs)", FigureData.AxisTitle(figure.AxisOf(naiveTime, 'y')));
        Assert.Equal("log", FigureData.AxisType(figure.AxisOf(naiveTime, 'x')));
        Assert.Equal("allocated per sample (bytes)", FigureData.AxisTitle(figure.AxisOf(naiveBytes, 'y')));
    }
}
