using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.CSharp;
using FSharpChart = Plotly.NET.Chart;

namespace TinyTorch.Analysis.Plotly.Charts;

/// <summary>
/// The kit's house style for charts, in one place so every instrument's chart reads the same way:
/// a title, axis titles with units, log axes where sizes grow geometrically, and a legend.
/// </summary>
internal static class ChartStyle
{
    public const int Width = 820;
    public const int Height = 460;

    /// <summary>Sets the x and y axes of one panel (before it is placed in a grid, which keeps them).</summary>
    public static GenericChart WithAxes(GenericChart chart, Axis x, Axis y) =>
        chart
            .WithXAxisStyle<double, double, double>(TitleText: x.Title, AxisType: x.Scale)
            .WithYAxisStyle<double, double, double>(TitleText: y.Title, AxisType: y.Scale);

    /// <summary>Title, size and a legend for a finished chart (one panel or a grid).</summary>
    public static GenericChart Frame(GenericChart chart, string title, int width = Width, int height = Height)
    {
        chart = FSharpChart.withTitle(title, FSharpOption<Font>.None).Invoke(chart);
        chart = chart.WithSize(Width: width, Height: height);
        return WithLayoutValue(chart, "showlegend", true);
    }

    /// <summary>Sets one layout attribute by its plotly.js name (Plotly.NET's typed setters are not callable from C#).</summary>
    public static GenericChart WithLayoutValue(GenericChart chart, string name, object value)
    {
        var layout = GenericChart.getLayout(chart);
        layout.SetProperty(name, value);
        return GenericChart.setLayout(layout, chart);
    }

    /// <summary>Sets one trace attribute that Plotly.NET's C# surface has no parameter for (e.g. per-bar <c>base</c>).</summary>
    public static GenericChart WithTraceValue(GenericChart chart, string name, object value) =>
        GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            trace.SetProperty(name, value);
            return trace;
        }), chart);
}
