using Plotly.NET;
using TinyTorch.Analysis.Instruments;
using TinyTorch.Analysis.Plotly.Charts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace TinyTorch.Analysis.Plotly.Instruments;

/// <summary>Draws <see cref="MemoryComparison.ToChart"/>.</summary>
internal static class MemoryComparisonChart
{
    /// <summary>Lines of peak memory (bytes, log axis) against dataset size (samples, log axis).</summary>
    public static GenericChart Draw(MemoryComparison comparison)
    {
        var points = comparison.Points;
        double[] sizes = points.Select(p => (double)p.DatasetSize).ToArray();
        var chart = CSharpChart.Combine(
        [
            CSharpChart.Line<double, double, string>(sizes, points.Select(p => (double)p.EagerPeakBytes), ShowMarkers: true, Name: "eager: every batch first"),
            CSharpChart.Line<double, double, string>(sizes, points.Select(p => (double)p.LazyPeakBytes), ShowMarkers: true, Name: "lazy: one batch at a time"),
        ]);
        chart = ChartStyle.WithAxes(chart, new Axis("dataset size (samples)", Log: true), new Axis("peak managed memory (bytes)", Log: true));
        return ChartStyle.Frame(chart, "Eager against lazy loading: peak memory");
    }
}
