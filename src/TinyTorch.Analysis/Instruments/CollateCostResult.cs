using System.Globalization;
using System.Text;
using TinyTorch.Analysis.Charts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace TinyTorch.Analysis.Instruments;

/// <summary>Collation time and allocation against batch size, naive against pooled.</summary>
/// <param name="Points">One point per batch size, in the order measured.</param>
public sealed record CollateCostResult(IReadOnlyList<CollatePoint> Points) : IChartResult
{
    /// <summary>
    /// Two panels against batch size (log axis): time per batch (µs, log axis), and bytes allocated
    /// per sample (linear axis, where a pooled zero stays visible).
    /// </summary>
    /// <returns>A new chart of <see cref="Points"/>.</returns>
    public ChartView ToChart()
    {
        double[] sizes = Points.Select(p => (double)p.BatchSize).ToArray();
        // One colour per way of collating, in both panels, so the eye pairs time with allocation.
        var naive = Plotly.NET.Color.fromString("#d62728");
        var pooled = Plotly.NET.Color.fromString("#2ca02c");
        var batchSize = new Axis("batch size (samples)", Log: true);
        var time = ChartStyle.WithAxes(CSharpChart.Combine(
        [
            CSharpChart.Line<double, double, string>(sizes, Points.Select(p => p.Naive.TotalMicroseconds), ShowMarkers: true, Name: "naive: new array per sample + new batch", LineColor: naive, MarkerColor: naive),
            CSharpChart.Line<double, double, string>(sizes, Points.Select(p => p.Pooled.TotalMicroseconds), ShowMarkers: true, Name: "pooled: copy into one reused buffer", LineColor: pooled, MarkerColor: pooled),
        ]), batchSize, new Axis("time per batch (µs)", Log: true));
        var allocation = ChartStyle.WithAxes(CSharpChart.Combine(
        [
            CSharpChart.Line<double, double, string>(sizes, Points.Select(p => (double)p.NaiveAllocatedBytes / p.BatchSize), ShowMarkers: true, Name: "naive: bytes allocated per sample", LineColor: naive, MarkerColor: naive, LineDash: Plotly.NET.StyleParam.DrawingStyle.Dash),
            CSharpChart.Line<double, double, string>(sizes, Points.Select(p => (double)p.PooledAllocatedBytes / p.BatchSize), ShowMarkers: true, Name: "pooled: bytes allocated per sample", LineColor: pooled, MarkerColor: pooled, LineDash: Plotly.NET.StyleParam.DrawingStyle.Dash),
        ]), batchSize, new Axis("allocated per sample (bytes)"));
        var grid = CSharpChart.Grid([time, allocation], 1, 2, SubPlotTitles: new[] { "time per batch", "allocation per sample" });
        string bytes = Points.Count > 0 ? $" ({Points[0].SampleBytes} bytes per sample)" : "";
        return new ChartView(ChartStyle.Frame(grid, "Collation: naive against pooled" + bytes, width: 980));
    }

    /// <inheritdoc/>
    public string ToHtml() => ToChart().ToHtml();

    /// <summary>The measurements as a text table.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("batch size   naive (µs)   pooled (µs)   naive alloc (bytes)   pooled alloc (bytes)\n");
        foreach (var p in Points)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{p.BatchSize,10}   {p.Naive.TotalMicroseconds,10:F1}   {p.Pooled.TotalMicroseconds,11:F1}   {p.NaiveAllocatedBytes,19}   {p.PooledAllocatedBytes,20}\n");
        }

        return text.ToString();
    }
}
