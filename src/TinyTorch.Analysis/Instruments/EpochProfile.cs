using System.Globalization;
using System.Text;
using TinyTorch.Analysis.Charts;
using TinyTorch.Analysis.Charts.Bridge;

namespace TinyTorch.Analysis.Instruments;

/// <summary>Where an epoch's time goes: the time per pipeline stage, for each profiled epoch.</summary>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="Samples">Samples per epoch.</param>
/// <param name="Epochs">One entry per epoch, in order.</param>
public sealed record EpochProfile(int BatchSize, int Samples, IReadOnlyList<StageTimes> Epochs) : IChartResult
{
    /// <summary>Each stage's share of the total time over all epochs, in the order of <see cref="StageTimes.StageNames"/> (summing to 1).</summary>
    public IReadOnlyList<double> Shares
    {
        get
        {
            double total = Epochs.Sum(e => e.Total.Ticks);
            return Enumerable.Range(0, StageTimes.StageNames.Count)
                .Select(s => total == 0 ? 0 : Epochs.Sum(e => e.InOrder[s].Ticks) / total)
                .ToArray();
        }
    }

    /// <summary>Stacked bars, one per epoch, one segment per stage, in milliseconds.</summary>
    /// <returns>A new chart of <see cref="Epochs"/>.</returns>
    public ChartView ToChart() => new(PlotlyBridgeLoader.Shared.Draw(this));

    /// <inheritdoc/>
    public string ToHtml() => ToChart().ToHtml();

    /// <summary>The measurements as a text table, in milliseconds.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("epoch   fetch (ms)   transform (ms)   collate (ms)   step (ms)\n");
        for (int e = 0; e < Epochs.Count; e++)
        {
            var t = Epochs[e];
            text.Append(CultureInfo.InvariantCulture,
                $"{e + 1,5}   {t.Fetch.TotalMilliseconds,10:F2}   {t.Transform.TotalMilliseconds,14:F2}   {t.Collate.TotalMilliseconds,12:F2}   {t.Step.TotalMilliseconds,9:F2}\n");
        }

        return text.ToString();
    }
}
