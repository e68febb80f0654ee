using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive.Formatting;

namespace Course.Notebooks.Execution;

/// <summary>
/// The globals every cell sees, as the real .NET Interactive C# kernel gives them through
/// <c>using static Microsoft.DotNet.Interactive.Kernel</c>: <c>display(x)</c> and <c>HTML("…")</c>.
/// </summary>
/// <remarks>
/// Only members the real kernel also has, with its names and types, so a notebook that runs here runs there.
/// <c>display</c> is that kernel's own code path (the formatter library's <c>Display</c> extension), so what it
/// shows and returns is the same.
/// </remarks>
public sealed class NotebookGlobals
{
    internal NotebookGlobals()
    {
    }

    /// <summary>Shows a value as an output of the running cell, in its preferred MIME types or the ones given.</summary>
    /// <param name="value">The value.</param>
    /// <param name="mimeTypes">The MIME types to show it in, e.g. <c>"text/plain"</c>; none for the value's preferred ones (HTML for most).</param>
    /// <returns>The shown value.</returns>
    [SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "The real kernel's name, so notebooks run unchanged.")]
    public DisplayedValue display(object? value, params string[] mimeTypes) => value!.Display(mimeTypes);

    /// <summary>Marks a string as HTML, so <c>display(HTML("&lt;b&gt;bold&lt;/b&gt;"))</c> renders it instead of showing its text.</summary>
    /// <param name="content">The HTML.</param>
    /// <returns>The content as HTML.</returns>
    [SuppressMessage("Naming", "CA1707", Justification = "The real kernel's name, so notebooks run unchanged.")]
    public IHtmlContent HTML(string content) => content.ToHtmlContent();
}
