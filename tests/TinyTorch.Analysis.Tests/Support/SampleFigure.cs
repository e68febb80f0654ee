using System.Text.Encodings.Web;
using System.Text.Json;
using TinyTorch.Analysis.Charts;
using TinyTorch.Analysis.Instruments;

namespace TinyTorch.Analysis.Tests.Support;

/// <summary>Small figures written as plotly.js JSON, for tests of how a chart shows itself rather than of what an instrument draws.</summary>
internal static class SampleFigure
{
    // Plotly.NET (Newtonsoft.Json) leaves '<' as is; the default encoder would escape it and hide what ChartHtml must do.
    private static readonly JsonSerializerOptions s_asPlotlyNetWrites = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A result whose chart Plotly.NET draws through the bridge: two traces, "shuffle indices" and "shuffle the data".</summary>
    public const string ShuffleResultCode =
        "new ShuffleCostResult([new ShufflePoint(10, 4, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2))])";

    /// <summary>The result <see cref="ShuffleResultCode"/> makes.</summary>
    public static ShuffleCostResult ShuffleResult() =>
        new([new ShufflePoint(10, 4, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2))]);

    /// <summary>One line trace named <paramref name="series"/>, under <paramref name="title"/>.</summary>
    public static ChartView Line(string series, string title = "A title") =>
        new(JsonSerializer.Serialize(
            new
            {
                data = new[] { new { type = "scatter", mode = "lines", name = series, x = new[] { 1, 2, 4, 8 }, y = new[] { 3, 5, 4, 9 } } },
                layout = new { title = new { text = title } },
                config = new { responsive = true },
            },
            s_asPlotlyNetWrites));
}
