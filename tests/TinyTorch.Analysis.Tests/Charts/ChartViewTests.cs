using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Formatting;
using TinyTorch.Analysis.Charts;
using TinyTorch.Analysis.Instruments;
using TinyTorch.Analysis.Tests.Support;

namespace TinyTorch.Analysis.Tests.Charts;

public sealed class ChartViewTests
{
    private static ChartView Sample() => SampleFigure.Line("a series");

    [Fact]
    public void NotebookHtmlIsAFragmentThatDrawsTheFigureWithInlinedPlotly()
    {
        var view = Sample();

        string html = view.ToHtml();

        Assert.StartsWith("<div", html);
        Assert.DoesNotContain("<html", html);
        Assert.Contains("Plotly.newPlot(target, figure.data, figure.layout, figure.config)", html);
        Assert.Contains("var figure = " + view.ToJson() + ";", html);
        Assert.DoesNotMatch(new Regex("<script[^>]+src=", RegexOptions.IgnoreCase), html);
    }

    [Fact]
    public void AnInstrumentsFigureIsTheJsonPlotlyNetWrites()
    {
        var figure = FigureData.Of(SampleFigure.ShuffleResult().ToChart());

        Assert.Equal([10.0], FigureData.Numbers(figure.Trace("shuffle indices"), "x"));
        Assert.True(figure.Root.GetProperty("config").GetProperty("responsive").GetBoolean());
        Assert.Contains("\"x\":[10.0]", SampleFigure.ShuffleResult().ToChart().ToJson()); // Plotly.NET's number format, not System.Text.Json's
    }

    [Fact]
    public void EachOutputDrawsIntoItsOwnElement()
    {
        var view = Sample();

        string id(string html) => Regex.Match(html, "<div id=\"([^\"]+)\"").Groups[1].Value;

        Assert.NotEqual(id(view.ToHtml()), id(view.ToHtml()));
    }

    [Fact]
    public void StandaloneHtmlIsAWholeDocumentWithPlotlyInlinedAndNoExternalScripts()
    {
        var view = SampleFigure.Line("a series", title: "Tom & Jerry </title>");

        string html = view.ToStandaloneHtml();

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("plotly.js v", html);
        Assert.Contains("<title>Tom &amp; Jerry &lt;/title&gt;</title>", html);
        Assert.Contains("var figure = " + view.ToJson().Replace("<", "\\u003c", StringComparison.Ordinal) + ";", html);
        Assert.DoesNotMatch(new Regex("<script[^>]+src=", RegexOptions.IgnoreCase), html);
    }

    [Fact]
    public void SaveHtmlCreatesTheFolderAndReturnsTheFullPath()
    {
        var folder = Directory.CreateTempSubdirectory("tinytorch-save-");
        try
        {
            string path = Sample().SaveHtml(Path.Combine(folder.FullName, "nested", "chart.html"));

            Assert.Equal(Path.Combine(folder.FullName, "nested", "chart.html"), path);
            Assert.Contains("a series", File.ReadAllText(path));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void TitleAndPlainTextDescribeTheChart()
    {
        var view = Sample();

        Assert.Equal("A title", view.Title);
        Assert.Equal("Chart \"A title\" (1 traces)", view.ToString());
        Assert.Equal("Shuffle indices, not data (4 bytes per sample)", SampleFigure.ShuffleResult().ToChart().Title);
    }

    [Theory]
    [InlineData("""{"data": [], "layout": {"title": "plain"}}""", "plain")]
    [InlineData("""{"data": [], "layout": {}}""", "")]
    [InlineData("""{"data": []}""", "")]
    [InlineData("""{"data": [], "layout": {"title": {"font": {"size": 3}}}}""", "")]
    public void TitleIsReadFromEitherFormPlotlyAccepts(string json, string title)
    {
        Assert.Equal(title, new ChartView(json).Title);
    }

    [Theory]
    [InlineData("not json", "this text is not JSON")]
    [InlineData("[1, 2]", "but this JSON is an array.")]
    [InlineData("\"data\"", "but this JSON is a string.")]
    [InlineData("{}", "but this JSON is an object without \"data\".")]
    [InlineData("""{"data": {"type": "bar"}}""", "but this JSON is an object whose \"data\" is an object.")]
    [InlineData("""{"data": 3}""", "but this JSON is an object whose \"data\" is a number.")]
    public void RejectsTextThatIsNotAFigure(string json, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => new ChartView(json));

        Assert.Equal("figureJson", error.ParamName);
        Assert.StartsWith("A figure is ", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void RejectsNull()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new ChartView(null!));

        Assert.Equal("figureJson", error.ParamName);
    }

    [Fact]
    public void FormattersAreRegisteredWhenTheAssemblyLoadsAndShowChartsAndResultsAsHtmlAndText()
    {
        var view = Sample();
        var result = SampleFigure.ShuffleResult();

        Assert.True(FormatterRegistration.RegisteredAtLoad); // by the module initializer: notebooks need no set-up line
        Assert.Contains("Plotly.newPlot", view.ToDisplayString(HtmlFormatter.MimeType));
        Assert.Equal(view.ToString(), view.ToDisplayString(PlainTextFormatter.MimeType));
        string resultHtml = result.ToDisplayString(HtmlFormatter.MimeType);
        Assert.Contains("Plotly.newPlot", resultHtml);
        Assert.Contains("shuffle indices", resultHtml);
        Assert.Equal(result.ToString(), result.ToDisplayString(PlainTextFormatter.MimeType));
    }

    [Fact]
    public void ChartsAndResultsPreferHtmlThenPlainText()
    {
        // A kernel whose Formatter.DefaultMimeType is text/html (the real .NET Interactive kernel) then
        // sends both: the chart for the page, the text for tools that read plain text.
        Assert.Equal([HtmlFormatter.MimeType, PlainTextFormatter.MimeType], Formatter.GetPreferredMimeTypesFor(typeof(ChartView)));
        Assert.Equal([HtmlFormatter.MimeType, PlainTextFormatter.MimeType], Formatter.GetPreferredMimeTypesFor(typeof(ShuffleCostResult)));
    }

    [Fact]
    public void RegisteringAgainIsHarmless()
    {
        ChartFormatting.Register();
        ChartFormatting.Register();

        Assert.True(ChartFormatting.IsRegistered);
        Assert.Contains("Plotly.newPlot", Sample().ToDisplayString(HtmlFormatter.MimeType));
    }
}
