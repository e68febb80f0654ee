using Plotly.NET;
using TinyTorch.Analysis.Instruments;
using TinyTorch.Analysis.Plotly.Charts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace TinyTorch.Analysis.Plotly.Instruments;

/// <summary>Draws <see cref="BatchSizeSweepResult.ToChart"/>.</summary>
internal static class BatchSizeSweepChart
{
    /// <summary>Two panels against batch size (log axis): throughput in samples/s, and bytes per batch (log axis).</summary>
    public static GenericChart Draw(BatchSizeSweepResult result)
    {
        var points = result.Points;
        double[] sizes = points.Select(p => (double)p.BatchSize).ToArray();
        var batchSize = new Axis("batch size (samples)", Log: true);
        var throughput = ChartStyle.WithAxes(
            CSharpChart.Line<double, double, string>(sizes, points.Select(p => p.SamplesPerSecond), ShowMarkers: true, Name: "throughput"),
            batchSize, new Axis("throughput (samples/s)"));
        var memory = ChartStyle.WithAxes(
            CSharpChart.Line<double, double, string>(sizes, points.Select(p => (double)p.BytesPerBatch), ShowMarkers: true, Name: "bytes per batch"),
            batchSize, new Axis("memory per batch (bytes)", Log: true));
        var grid = CSharpChart.Grid([throughput, memory], 1, 2, SubPlotTitles: new[] { "throughput", "memory per batch" });
        return ChartStyle.Frame(grid, "Batch size: throughput against memory", height: 440);
    }
}
