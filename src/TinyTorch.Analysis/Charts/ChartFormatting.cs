using Microsoft.DotNet.Interactive.Formatting;

namespace TinyTorch.Analysis.Charts;

/// <summary>
/// Makes charts display as <c>text/html</c> (with their <c>ToString()</c> as <c>text/plain</c>) in notebook
/// hosts that use .NET Interactive's formatter registry, the way Plotly.NET.Interactive does, and sets how
/// outputs carry plotly.js.
/// </summary>
/// <remarks>
/// <see cref="Register"/> runs by itself when this assembly is first used, so a notebook needs no
/// set-up line; calling it again is harmless. Registering loads nothing of Plotly.NET: only drawing does.
/// The kit's own engine also renders any value with a public <c>string ToHtml()</c> method.
/// </remarks>
public static class ChartFormatting
{
    private static int s_registered;

    /// <summary>How chart outputs carry plotly.js; <see cref="PlotlyEmbedding.FirstOutputOnly"/> unless changed.</summary>
    public static PlotlyEmbedding Embedding { get; set; } = PlotlyEmbedding.FirstOutputOnly;

    /// <summary>Whether the formatters are registered in this process.</summary>
    public static bool IsRegistered => Volatile.Read(ref s_registered) == 1;

    /// <summary>
    /// Registers <c>text/html</c> and <c>text/plain</c> formatters for <see cref="ChartView"/> and for every
    /// <see cref="IChartResult"/>, and makes both MIME types their preferred ones, so that a cell whose value
    /// is a chart or a result shows the chart, with its text beside it for tools that read plain text.
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
            Register<ChartView>(view => view.ToHtml());
            // Registered on the interface: the formatter registry matches implemented interfaces, so
            // every instrument's result is covered, including ones added later.
            Register<IChartResult>(result => result.ToHtml());
        }
        catch
        {
            Volatile.Write(ref s_registered, 0);
            throw;
        }
    }

    private static void Register<T>(Func<T, string> html)
        where T : class
    {
        Formatter.Register(typeof(T), (value, writer) => writer.Write(html((T)value)), HtmlFormatter.MimeType);
        Formatter.Register(typeof(T), (value, writer) => writer.Write(value.ToString()), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(T), HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
    }
}
