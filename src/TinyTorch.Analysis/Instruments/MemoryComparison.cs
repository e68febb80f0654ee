using System.Text;
using TinyTorch.Analysis.Charts;
using TinyTorch.Analysis.Charts.Bridge;

namespace TinyTorch.Analysis.Instruments;

/// <summary>
/// Peak managed memory of eager loading (materialise every batch, then train) against lazy loading
/// (stream one batch at a time), for growing datasets: eager grows with the dataset, lazy stays flat.
/// </summary>
/// <param name="Points">One point per dataset size, in the order measured.</param>
public sealed record MemoryComparison(IReadOnlyList<MemoryPoint> Points) : IChartResult
{
    /// <summary>Lines of peak memory (bytes, log axis) against dataset size (samples, log axis).</summary>
    /// <returns>A new chart of <see cref="Points"/>.</returns>
    public ChartView ToChart() => new(PlotlyBridgeLoader.Shared.Draw(this));

    /// <inheritdoc/>
    public string ToHtml() => ToChart().ToHtml();

    /// <summary>The measurements as a text table.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("dataset size   eager peak (bytes)   lazy peak (bytes)   epoch's batches (bytes)\n");
        foreach (var p in Points)
        {
            text.Append($"{p.DatasetSize,12}   {p.EagerPeakBytes,18}   {p.LazyPeakBytes,17}   {p.EpochBatchBytes,23}\n");
        }

        return text.ToString();
    }
}
