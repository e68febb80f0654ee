using System.Globalization;
using System.Text;
using TinyTorch.Analysis.Charts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace TinyTorch.Analysis.Instruments;

/// <summary>
/// Throughput and memory per batch against batch size: batch size is a knob that trades the memory
/// a batch holds for the per-batch overhead it amortises.
/// </summary>
/// <param name="Points">One point per batch size, in the order measured.</param>
public sealed record BatchSizeSweepResult(IReadOnlyList<BatchSizePoint> Points) : IChartResult
{
    /// <summary>Two panels against batch size (log axis): throughput in samples/s, and bytes per batch (log axis).</summary>
    /// <returns>A new chart of <see cref="Points"/>.</returns>
    public ChartView ToChart()
    {
        double[] sizes = Points.Select(p => (double)p.BatchSize).ToArray();
        var batchSize = new Axis("batch size (samples)", Log: true);
        var throughput = ChartStyle.WithAxes(
            CSharpChart.Line<double, double, string>(sizes, Points.Select(p => p.SamplesPerSecond), ShowMarkers: true, Name: "throughput"),
            batchSize, new Axis("throughput (samples/s)"));
        var memory = ChartStyle.WithAxes(
            CSharpChart.Line<double, double, string>(sizes, Points.Select(p => (double)p.BytesPerBatch), ShowMarkers: true, Name: "bytes per batch"),
            batchSize, new Axis("memory per batch (bytes)", Log: true));
        var grid = CSharpChart.Grid([throughput, memory], 1, 2, SubPlotTitles: new[] { "throughput", "memory per batch" });
        return new ChartView(ChartStyle.Frame(grid, "Batch size: throughput against memory", height: 440));
    }

    /// <inheritdoc/>
    public string ToHtml() => ToChart().ToHtml();

    /// <summary>The measurements as a text table.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("batch size   samples/s   bytes/batch   epoch (ms)\n");
        foreach (var p in Points)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{p.BatchSize,10}   {p.SamplesPerSecond,9:F0}   {p.BytesPerBatch,11}   {p.EpochTime.TotalMilliseconds,10:F2}\n");
        }

        return text.ToString();
    }
}
