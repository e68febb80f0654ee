using System.Globalization;
using Plotly.NET;
using TinyTorch.Analysis.Instruments;
using TinyTorch.Analysis.Plotly.Charts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace TinyTorch.Analysis.Plotly.Instruments;

/// <summary>Draws <see cref="EpochProfile.ToChart"/>.</summary>
internal static class EpochProfileChart
{
    /// <summary>Stacked bars, one per epoch, one segment per stage, in milliseconds.</summary>
    public static GenericChart Draw(EpochProfile profile)
    {
        string[] epochs = Enumerable.Range(1, profile.Epochs.Count).Select(e => $"epoch {e}").ToArray();
        var shares = profile.Shares;
        var stages = StageTimes.StageNames.Select((name, s) =>
            CSharpChart.StackedColumn<double, string, string>(
                profile.Epochs.Select(e => e.InOrder[s].TotalMilliseconds), Keys: epochs,
                Name: string.Create(CultureInfo.InvariantCulture, $"{name} ({shares[s] * 100:F0}%)")));
        var chart = ChartStyle.WithAxes(CSharpChart.Combine(stages), new Axis("epoch"), new Axis("time (ms)"));
        chart = ChartStyle.WithLayoutValue(chart, "barmode", "stack");
        return ChartStyle.Frame(chart, $"Where does an epoch's time go? (batch size {profile.BatchSize}, {profile.Samples} samples)");
    }
}
