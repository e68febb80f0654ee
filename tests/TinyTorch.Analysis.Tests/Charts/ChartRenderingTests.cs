using System.Text.RegularExpressions;
using TinyTorch.Analysis.Charts;
using TinyTorch.Analysis.Tests.Support;

namespace TinyTorch.Analysis.Tests.Charts;

/// <summary>Charts must render offline, in a real browser, both as saved files and as notebook outputs.</summary>
public sealed class ChartRenderingTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tinytorch-charts-");

    public void Dispose() => _folder.Delete(recursive: true);

    [RequiresToolFact(typeof(Chromium))]
    public void SavedChartFileRendersOfflineInChromium()
    {
        // An instrument's chart: Plotly.NET's JSON, drawn by the plotly.js the bridge read from Plotly.NET.
        var result = SampleFigure.ShuffleResult();
        string file = result.ToChart().SaveHtml(Path.Combine(_folder.FullName, "chart.html"));

        string html = File.ReadAllText(file);
        Assert.DoesNotMatch(new Regex("<script[^>]+src=", RegexOptions.IgnoreCase), html);
        string dom = HeadlessChromium.DumpDom(file);
        Assert.Contains("class=\"main-svg\"", dom);
        Assert.Contains("shuffle the data", dom); // the legend entry, drawn by plotly.js into the SVG
    }

    [RequiresToolFact(typeof(Chromium))]
    public void NotebookOutputsRenderOfflineAndThePageLoadsPlotlyOnce()
    {
        // One page stands for a notebook (Chromium takes seconds per page on this machine, so one page
        // checks it all): an output without a copy of plotly.js comes first and must wait for a later
        // one; two outputs carry a copy but the library must run once; and Jupyter's require.js
        // defines an AMD loader that must not keep plotly.js from installing window.Plotly.
        string page = Page(
            "<script>window.define = function () { throw new Error('anonymous define() call'); }; window.define.amd = {};</script>",
            ChartHtml.Fragment(SampleFigure.Line("waiting series").ToJson(), carryLibrary: false),
            ChartHtml.Fragment(SampleFigure.Line("first carrying series").ToJson(), carryLibrary: true),
            ChartHtml.Fragment(SampleFigure.Line("second carrying series").ToJson(), carryLibrary: true),
            "<script>setTimeout(function () { document.body.setAttribute('data-injected-scripts', document.querySelectorAll('head > script').length); }, 5000);</script>");

        string dom = HeadlessChromium.DumpDom(page);
        Assert.Equal(3, Regex.Matches(dom, "class=\"plot-container plotly\"").Count);
        Assert.Contains("waiting series", dom);
        Assert.Contains("first carrying series", dom);
        Assert.Contains("second carrying series", dom);
        Assert.Contains("data-injected-scripts=\"1\"", dom);
    }

    [RequiresToolFact(typeof(Chromium))]
    public void AnOutputWhoseCarrierWasClearedSaysWhyItIsBlank()
    {
        string page = Page(ChartHtml.Fragment(SampleFigure.Line("orphan series").ToJson(), carryLibrary: false));

        string dom = HeadlessChromium.DumpDom(page, budget: TimeSpan.FromSeconds(40)); // past the 30 s the output waits

        Assert.DoesNotContain("class=\"main-svg\"", dom);
        Assert.Matches("<div id=\"tinytorch-chart-[0-9a-f]+\">plotly.js is not on this page", dom);
        Assert.Contains("Restart the kernel and run the notebook from the top", dom);
    }

    [Fact]
    public void NotebooksCarryPlotlyOnceByDefault()
    {
        Assert.Equal(PlotlyEmbedding.FirstOutputOnly, ChartFormatting.Embedding);
    }

    [Fact]
    public void FirstOutputOnlyNeverEmbedsTheLibraryTwice()
    {
        string json = SampleFigure.Line("s").ToJson();
        ChartHtml.Fragment(json, PlotlyEmbedding.FirstOutputOnly);
        string second = ChartHtml.Fragment(json, PlotlyEmbedding.FirstOutputOnly);
        string every = ChartHtml.Fragment(json, PlotlyEmbedding.EveryOutput);

        Assert.Contains("var packed = null;", second);
        Assert.True(every.Length > 1_000_000, $"An EveryOutput fragment should carry plotly.js but is {every.Length} characters.");
    }

    [Fact]
    public void SeriesNamesCannotCloseTheScriptBlock()
    {
        string html = SampleFigure.Line("</script><b>injected</b>").ToHtml();

        Assert.Single(Regex.Matches(html, "</script>"));
        Assert.Contains("\\u003c/script>\\u003cb>injected", html);
    }

    private string Page(params string[] body)
    {
        string path = Path.Combine(_folder.FullName, $"page-{Guid.NewGuid():N}.html");
        File.WriteAllText(path, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n" + string.Join("\n", body) + "\n</body></html>");
        return path;
    }
}
