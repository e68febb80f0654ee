using Microsoft.DotNet.Interactive.Formatting;

namespace TinyTorch.Analysis.Charts;

/// <summary>
/// Makes charts display as <c>text/html</c> in notebook hosts that use .NET Interactive's formatter
/// registry (Polyglot Notebooks), the way Plotly.NET.Interactive does, and sets how outputs carry plotly.js.
/// </summary>
/// <remarks>
/// <see cref="Register"/> runs by itself when this assembly is first used, so a notebook needs no
/// set-up line; calling it again is harmless. The kit's own engine needs no registration: it renders
/// any value with a public <c>string ToHtml()</c> method.
/// </remarks>
public static class ChartFormatting
{
    private static int s_registered;

    /// <summary>How chart outputs carry plotly.js; <see cref="PlotlyEmbedding.FirstOutputOnly"/> unless changed.</summary>
    public static PlotlyEmbedding Embedding { get; set; } = PlotlyEmbedding.FirstOutputOnly;

    /// <summary>Whether the formatters are registered in this process.</summary>
    public static bool IsRegistered => Volatile.Read(ref s_registered) == 1;

    /// <summary>
    /// Registers <c>text/html</c> formatters for <see cref="ChartView"/> and for every
    /// <see cref="IChartResult"/>, so that a cell whose value is a chart or a result shows the chart.
    /// Idempotent.
    /// </summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 1)
        {
            return;
        }

        try
        {
            Formatter.Register<ChartView>((view, writer) => writer.Write(view.ToHtml()), HtmlFormatter.MimeType);
            // Registered on the interface: the formatter registry matches implemented interfaces, so
            // every instrument's result is covered, including ones added later.
            Formatter.Register(typeof(IChartResult), (value, writer) => writer.Write(((IChartResult)value).ToHtml()), HtmlFormatter.MimeType);
        }
        catch
        {
            Volatile.Write(ref s_registered, 0);
            throw;
        }
    }
}
