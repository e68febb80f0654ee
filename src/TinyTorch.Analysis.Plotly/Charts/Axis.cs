using Plotly.NET;

namespace TinyTorch.Analysis.Plotly.Charts;

/// <summary>One axis of a chart: its title (with the unit) and whether it is logarithmic.</summary>
/// <param name="Title">The axis title, including the unit, e.g. "batch size (samples)".</param>
/// <param name="Log">A logarithmic scale, for quantities swept geometrically (1, 2, 4, ...); otherwise plotly picks linear or categorical from the data.</param>
internal readonly record struct Axis(string Title, bool Log = false)
{
    public StyleParam.AxisType Scale => Log ? StyleParam.AxisType.Log : StyleParam.AxisType.Auto;
}
