using System.Globalization;
using System.Text;
using TinyTorch.Analysis.Charts;
using TinyTorch.Analysis.Charts.Bridge;

namespace TinyTorch.Analysis.Instruments;

/// <summary>The cost of shuffling indices against shuffling the data itself, for growing datasets.</summary>
/// <param name="Points">One point per dataset size, in the order measured.</param>
public sealed record ShuffleCostResult(IReadOnlyList<ShufflePoint> Points) : IChartResult
{
    /// <summary>Lines of shuffle time (ms, log axis) against dataset size (samples, log axis).</summary>
    /// <returns>A new chart of <see cref="Points"/>.</returns>
    public ChartView ToChart() => new(PlotlyBridgeLoader.Shared.Draw(this));

    /// <inheritdoc/>
    public string ToHtml() => ToChart().ToHtml();

    /// <summary>The measurements as a text table.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("dataset size   indices (ms)   data (ms)   data / indices\n");
        foreach (var p in Points)
        {
            double ratio = p.IndexShuffle > TimeSpan.Zero ? p.DataShuffle / p.IndexShuffle : double.PositiveInfinity;
            text.Append(CultureInfo.InvariantCulture,
                $"{p.DatasetSize,12}   {p.IndexShuffle.TotalMilliseconds,12:F3}   {p.DataShuffle.TotalMilliseconds,9:F3}   {ratio,14:F0}x\n");
        }

        return text.ToString();
    }
}
