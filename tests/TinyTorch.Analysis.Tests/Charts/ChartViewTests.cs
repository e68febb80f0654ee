using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Formatting;
using TinyTorch.Analysis.Charts;
using TinyTorch.Analysis.Instruments;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace TinyTorch.Analysis.Tests.Charts;

public sealed class ChartViewTests
{
    private static ChartView Sample() =>
        new(Plotly.NET.Chart.withTitle("A title", null).Invoke(
            CSharpChart.Line<double, double, string>(new double[] { 1, 2, 3 }, new double[] { 10, 20, 15 }, Name: "a series")));

    [Fact]
    public void NotebookHtmlIsAFragmentThatDrawsTheFigureWithInlinedPlotly()
    {
        var view = Sample();

        string html = view.ToHtml();

        Assert.StartsWith("<div", html);
        Assert.DoesNotContain("<html", html);
        Assert.Contains("Plotly.newPlot(target, figure.data, figure.layout, figure.config)", html);
        Assert.Contains("\"x\":[1.0,2.0,3.0],\"y\":[10.0,20.0,15.0]", html);
        Assert.DoesNotMatch(new Regex("<script[^>]+src=", RegexOptions.IgnoreCase), html);
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
        string html = Sample().ToStandaloneHtml();

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("plotly.js v", html);
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
    }

    [Fact]
    public void FormattersAreRegisteredWhenTheAssemblyLoadsAndRenderChartsAndResultsAsHtml()
    {
        var view = Sample();
        var result = new ShuffleCostResult([new ShufflePoint(10, 4, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2))]);

        Assert.True(FormatterRegistration.RegisteredAtLoad); // by the module initializer: notebooks need no set-up line
        Assert.Contains("Plotly.newPlot", view.ToDisplayString(HtmlFormatter.MimeType));
        string resultHtml = result.ToDisplayString(HtmlFormatter.MimeType);
        Assert.Contains("Plotly.newPlot", resultHtml);
        Assert.Contains("shuffle indices", resultHtml);
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
