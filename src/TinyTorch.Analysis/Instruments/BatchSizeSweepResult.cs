using System.Globalization;
using System.Text;
using TinyTorch.Analysis.Charts;
using TinyTorch.Analysis.Charts.Bridge;

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
    public ChartView ToChart() => new(PlotlyBridgeLoader.Shared.Draw(this));

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
