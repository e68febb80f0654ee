using Plotly.NET;
using Plotly.NET.CSharp;
using TinyTorch.Analysis.Charts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace TinyTorch.Analysis.Plotly.Charts;

/// <summary>Draws <see cref="ImageView.Grid"/>: images as pictures, in a grid.</summary>
internal static class ImagesChart
{
    /// <summary>One image panel per picture, in a grid of <paramref name="columns"/> columns sized to fit them.</summary>
    public static GenericChart Draw(IReadOnlyList<int[][][]> images, IReadOnlyList<string> titles, int columns, string title)
    {
        int rows = (images.Count + columns - 1) / columns;
        var panels = images.Select((pixels, i) => Panel(pixels, titles[i])).ToArray();
        var chart = panels.Length == 1
            ? panels[0]
            : CSharpChart.Grid(panels, rows, columns, SubPlotTitles: titles.ToArray());
        return ChartStyle.Frame(chart, title, width: Math.Max(320, 260 * columns), height: 90 + 260 * rows);
    }

    private static GenericChart Panel(int[][][] pixels, string name) =>
        CSharpChart.Image<string>(Z: pixels, Name: name)
            // Pixels, not quantities: the axes' numbers would only distract.
            .WithXAxisStyle<double, double, string>(ShowGrid: false)
            .WithYAxisStyle<double, double, string>(ShowGrid: false);
}
