using System.Text.Json;
using TinyTorch.Analysis.Charts;

namespace TinyTorch.Analysis.Tests.Support;

/// <summary>Reads a chart's traces back from the JSON Plotly.NET writes for plotly.js.</summary>
internal sealed class FigureData
{
    private FigureData(JsonElement root)
    {
        Root = root;
        Traces = root.GetProperty("data").EnumerateArray().ToArray();
        Layout = root.GetProperty("layout");
    }

    public JsonElement Root { get; }

    public JsonElement[] Traces { get; }

    public JsonElement Layout { get; }

    public static FigureData Of(ChartView chart)
    {
        using var document = JsonDocument.Parse(chart.ToJson());
        return new FigureData(document.RootElement.Clone());
    }

    public JsonElement Trace(string name) =>
        Traces.Single(t => t.TryGetProperty("name", out var n) && n.GetString() == name);

    public static double[] Numbers(JsonElement trace, string property) =>
        trace.GetProperty(property).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static string[] Strings(JsonElement trace, string property) =>
        trace.GetProperty(property).EnumerateArray().Select(v => v.GetString()!).ToArray();

    /// <summary>The layout of the axis a trace is drawn on, e.g. <c>xaxis2</c> for a trace on "x2".</summary>
    public JsonElement AxisOf(JsonElement trace, char axis)
    {
        string id = trace.TryGetProperty(axis + "axis", out var reference) ? reference.GetString()! : axis.ToString();
        return Layout.GetProperty(axis + "axis" + id[1..]);
    }

    public static string AxisTitle(JsonElement axis) => axis.GetProperty("title").GetProperty("text").GetString()!;

    public static string AxisType(JsonElement axis) => axis.TryGetProperty("type", out var type) ? type.GetString()! : "linear";
}
