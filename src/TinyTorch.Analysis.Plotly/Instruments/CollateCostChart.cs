using Plotly.NET;
using TinyTorch.Analysis.Instruments;
using TinyTorch.Analysis.Plotly.Charts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace TinyTorch.Analysis.Plotly.Instruments;

/// <summary>Draws <see cref="CollateCostResult.ToChart"/>.</summary>
internal static class CollateCostChart
{
    /// <summary>
    /// Two panels against batch size (log axis): time per batch (µs, log axis), and bytes allocated
    /// per sample (linear axis, where a pooled zero stays visible).
    /// </summary>
    public static GenericChart Draw(CollateCostResult result)
    {
        var points = result.Points;
        double[] sizes = points.Select(p => (double)p.BatchSize).ToArray();
        // One colour per way of collating, in both panels, so the eye pairs time with allocation.
        var naive = Color.fromString("#d62728");
        var pooled = Color.fromString("#2ca02c");
        var batchSize = new Axis("batch size (samples)", Log: true);
        var time = ChartStyle.WithAxes(CSharpChart.Combine(
        [
            CSharpChart.Line<double, double, string>(sizes, points.Select(p => p.Naive.TotalMicroseconds), ShowMarkers: true, Name: "naive: new array per sample + new batch", LineColor: naive, MarkerColor: naive),
            CSharpChart.Line<double, double, string>(sizes, points.Select(p => p.Pooled.TotalMicroseconds), ShowMarkers: true, Name: "pooled: copy into one reused buffer", LineColor: pooled, MarkerColor: pooled),
        ]), batchSize, new Axis("time per batch (µs)", Log: true));
        var allocation = ChartStyle.WithAxes(CSharpChart.Combine(
        [
            CSharpChart.Line<double, double, string>(sizes, points.Select(p => (double)p.NaiveAllocatedBytes / p.BatchSize), ShowMarkers: true, Name: "naive: bytes allocated per sample", LineColor: naive, MarkerColor: naive, LineDash: StyleParam.DrawingStyle.Dash),
            CSharpChart.Line<double, double, string>(sizes, points.Select(p => (double)p.PooledAllocatedBytes / p.BatchSize), ShowMarkers: true, Name: "pooled: bytes allocated per sample", LineColor: pooled, MarkerColor: pooled, LineDash: StyleParam.DrawingStyle.Dash),
        ]), batchSize, new Axis("allocated per sample (bytes)"));
        var grid = CSharpChart.Grid([time, allocation], 1, 2, SubPlotTitles: new[] { "time per batch", "allocation per sample" });
        string bytes = points.Count > 0 ? $" ({points[0].SampleBytes} bytes per sample)" : "";
        return ChartStyle.Frame(grid, "Collation: naive against pooled" + bytes, width: 980);
    }
}
