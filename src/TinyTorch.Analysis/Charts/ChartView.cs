using System.Text.Json;

namespace TinyTorch.Analysis.Charts;

/// <summary>
/// A chart that knows how to show itself: inline in a notebook (<see cref="ToHtml"/>), or as a
/// standalone HTML file that renders offline (<see cref="SaveHtml"/>). It holds the figure as the JSON
/// plotly.js draws (<see cref="ToJson"/>), written by Plotly.NET.
/// </summary>
/// <remarks>
/// Notebook hosts render it through the <c>text/html</c> formatter that <see cref="ChartFormatting.Register"/>
/// installs (Polyglot Notebooks, the real .NET Interactive kernel), or through its public
/// <see cref="ToHtml"/> method (the kit's engine).
/// To restyle a chart, edit its JSON (plotly.js's figure reference documents every attribute) and wrap
/// the result in a new <see cref="ChartView"/>.
/// </remarks>
public sealed class ChartView
{
    private readonly string _json;
    private readonly int _traces;

    /// <summary>Wraps a figure written as plotly.js JSON.</summary>
    /// <param name="figureJson">A JSON object with a <c>data</c> array of traces, and optionally <c>layout</c> and <c>config</c> objects.</param>
    /// <exception cref="ArgumentNullException"><paramref name="figureJson"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="figureJson"/> is not JSON, or not an object with a <c>data</c> array.</exception>
    public ChartView(string figureJson)
    {
        ArgumentNullException.ThrowIfNull(figureJson);
        try
        {
            using var figure = JsonDocument.Parse(figureJson);
            var root = figure.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                throw new ArgumentException(
                    $"A figure is a JSON object with a \"data\" array of traces, but this JSON is {Describe(root)}.", nameof(figureJson));
            }

            _traces = data.GetArrayLength();
            Title = TitleOf(root);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"A figure is plotly.js JSON, but this text is not JSON: {e.Message}", nameof(figureJson), e);
        }

        _json = figureJson;
    }

    /// <summary>The chart's title, or an empty string when it has none.</summary>
    public string Title { get; }

    /// <summary>The figure as plotly.js reads it: <c>{"data": [traces], "layout": {...}, "config": {...}}</c>.</summary>
    /// <returns>The JSON text this chart was made from.</returns>
    public string ToJson() => _json;

    /// <summary>
    /// The chart as a notebook output (<c>text/html</c>): a fragment that draws the chart with the
    /// plotly.js that Plotly.NET ships, carried as <see cref="ChartFormatting.Embedding"/> says; it
    /// needs no network.
    /// </summary>
    /// <returns>An HTML fragment (a <c>div</c> and a <c>script</c>), not a whole document.</returns>
    /// <exception cref="FileNotFoundException">The output must carry plotly.js, and the Plotly.NET bridge (the <c>plotly</c> folder beside TinyTorch.Analysis.dll) is missing.</exception>
    public string ToHtml() => ChartHtml.Fragment(_json, ChartFormatting.Embedding);

    /// <summary>The chart as a whole HTML document with plotly.js inlined, which renders offline in any browser.</summary>
    /// <returns>The document's text (about 3.6 MB, most of it plotly.js).</returns>
    /// <exception cref="FileNotFoundException">The Plotly.NET bridge (the <c>plotly</c> folder beside TinyTorch.Analysis.dll), which holds plotly.js, is missing.</exception>
    public string ToStandaloneHtml() => ChartHtml.Document(_json, Title);

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
    public override string ToString() => $"Chart \"{Title}\" ({_traces} traces)";

    // plotly.js accepts a title as an object ({"text": ...}, as Plotly.NET writes it) or as a plain string.
    private static string TitleOf(JsonElement figure) =>
        figure.TryGetProperty("layout", out var layout) && layout.ValueKind == JsonValueKind.Object
        && layout.TryGetProperty("title", out var title)
            ? title.ValueKind switch
            {
                JsonValueKind.String => title.GetString()!,
                JsonValueKind.Object when title.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String => text.GetString()!,
                _ => "",
            }
            : "";

    private static string Describe(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Object when root.TryGetProperty("data", out var data) => $"an object whose \"data\" is {Kind(data)}",
        JsonValueKind.Object => "an object without \"data\"",
        _ => Kind(root),
    };

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        var kind => "a " + kind.ToString().ToLowerInvariant(),
    };
}
