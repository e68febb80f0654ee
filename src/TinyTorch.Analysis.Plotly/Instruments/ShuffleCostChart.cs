using Plotly.NET;
using TinyTorch.Analysis.Instruments;
using TinyTorch.Analysis.Plotly.Charts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace TinyTorch.Analysis.Plotly.Instruments;

/// <summary>Draws <see cref="ShuffleCostResult.ToChart"/>.</summary>
internal static class ShuffleCostChart
{
    /// <summary>Lines of shuffle time (ms, log axis) against dataset size (samples, log axis).</summary>
    public static GenericChart Draw(ShuffleCostResult result)
    {
        var points = result.Points;
        double[] sizes = points.Select(p => (double)p.DatasetSize).ToArray();
        var chart = CSharpChart.Combine(
        [
            CSharpChart.Line<double, double, string>(sizes, points.Select(p => p.IndexShuffle.TotalMilliseconds), ShowMarkers: true, Name: "shuffle indices"),
            CSharpChart.Line<double, double, string>(sizes, points.Select(p => p.DataShuffle.TotalMilliseconds), ShowMarkers: true, Name: "shuffle the data"),
        ]);
        chart = ChartStyle.WithAxes(chart, new Axis("dataset size (samples)", Log: true), new Axis("time per shuffle (ms)", Log: true));
        string bytes = points.Count > 0 ? $" ({points[0].SampleBytes} bytes per sample)" : "";
        return ChartStyle.Frame(chart, "Shuffle indices, not data" + bytes);
    }
}
