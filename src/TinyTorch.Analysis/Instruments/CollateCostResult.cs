using System.Globalization;
using System.Text;
using TinyTorch.Analysis.Charts;
using TinyTorch.Analysis.Charts.Bridge;

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
    public ChartView ToChart() => new(PlotlyBridgeLoader.Shared.Draw(this));

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
