using System.Text.Json;
using Plotly.NET;

namespace TinyTorch.Analysis.Charts;

/// <summary>
/// A Plotly.NET chart that knows how to show itself: inline in a notebook (<see cref="ToHtml"/>),
/// or as a standalone HTML file that renders offline (<see cref="SaveHtml"/>).
/// </summary>
/// <remarks>
/// Notebook hosts render it through its public <see cref="ToHtml"/> method (the kit's engine) or
/// through the <c>text/html</c> formatter that <see cref="ChartFormatting.Register"/> installs
/// (Polyglot Notebooks). Use <see cref="Chart"/> to restyle it with Plotly.NET.
/// </remarks>
public sealed class ChartView
{
    /// <summary>Wraps a Plotly.NET chart.</summary>
    /// <param name="chart">The chart to show.</param>
    public ChartView(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        Chart = chart;
    }

    /// <summary>The underlying Plotly.NET chart, for further styling with Plotly.NET's API.</summary>
    public GenericChart Chart { get; }

    /// <summary>The chart's title, or an empty string when it has none.</summary>
    public string Title
    {
        get
        {
            using var figure = JsonDocument.Parse(ToJson());
            return figure.RootElement.TryGetProperty("layout", out var layout)
                && layout.TryGetProperty("title", out var title)
                && title.TryGetProperty("text", out var text)
                ? text.GetString() ?? ""
                : "";
        }
    }

    /// <summary>The figure as plotly.js reads it: <c>{"data": [traces], "layout": {...}, "config": {...}}</c>.</summary>
    /// <returns>The JSON text Plotly.NET writes for this chart.</returns>
    public string ToJson() => GenericChart.toJson(Chart);

    /// <summary>
    /// The chart as a notebook output (<c>text/html</c>): a fragment that draws the chart with the
    /// plotly.js that Plotly.NET ships, inlined as <see cref="ChartFormatting.Embedding"/> says; it
    /// needs no network.
    /// </summary>
    /// <returns>An HTML fragment (a <c>div</c> and a <c>script</c>), not a whole document.</returns>
    public string ToHtml() => ChartHtml.Fragment(ToJson(), ChartFormatting.Embedding);

    /// <summary>The chart as a whole HTML document with plotly.js inlined, which renders offline in any browser.</summary>
    /// <returns>The document's text (about 3.6 MB, most of it plotly.js).</returns>
    public string ToStandaloneHtml()
    {
        // Plotly.NET's own page writer, told to inline the plotly.js it embeds instead of linking a CDN.
        var offline = GenericChart.addDisplayOptions(
            DisplayOptions.init(null, null, null, null, null, null, PlotlyJSReference.Full), Chart);
        return GenericChart.toEmbeddedHTML(offline);
    }

    /// <summary>Writes <see cref="ToStandaloneHtml"/> to a file (its folder is created if needed).</summary>
    /// <param name="path">The file to write, conventionally ending in <c>.html</c>; an existing file is replaced.</param>
    /// <returns>The full path of the file written.</returns>
    public string SaveHtml(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, ToStandaloneHtml());
        return full;
    }

    /// <summary>Describes the chart in plain text, e.g. <c>Chart "Throughput against batch size" (2 traces)</c>.</summary>
    public override string ToString() => $"Chart \"{Title}\" ({GenericChart.countTrace(Chart)} traces)";
}
