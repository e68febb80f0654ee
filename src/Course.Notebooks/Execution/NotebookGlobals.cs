using System.Diagnostics.CodeAnalysis;
using Course.Notebooks.Execution.Display;

namespace Course.Notebooks.Execution;

/// <summary>
/// The globals every cell sees, as in Polyglot Notebooks: <c>display(x)</c>, the session's
/// <see cref="Formatters"/>, and the running cell's <see cref="CancellationToken"/>.
/// </summary>
/// <remarks>Member names follow .NET Interactive (lower-case <c>display</c>) so existing notebooks run unchanged.</remarks>
public sealed class NotebookGlobals
{
    internal NotebookGlobals(FormatterRegistry formatters)
    {
        Formatters = formatters;
    }

    /// <summary>The formatters used for this session's outputs; register your own here.</summary>
    public FormatterRegistry Formatters { get; }

    /// <summary>
    /// Cancelled when the running cell times out or is interrupted. Long loops may check it to stop cleanly;
    /// the engine cannot stop code that never looks.
    /// </summary>
    public CancellationToken CancellationToken => CellExecutionContext.Current?.CancellationToken ?? CancellationToken.None;

    /// <summary>Shows a value as an output of the running cell, in every MIME type it has.</summary>
    /// <param name="value">The value.</param>
    /// <returns>A handle to replace the shown value.</returns>
    /// <exception cref="InvalidOperationException">No cell is running on this thread.</exception>
    [SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "Polyglot Notebooks' name, so notebooks run unchanged.")]
    public DisplayHandle display(object? value)
    {
        CellExecutionContext context = RequireContext();
        return new DisplayHandle(context, Formatters, context.Display(Formatters.Format(value)));
    }

    /// <summary>Shows a value in one MIME type (plus <c>text/plain</c>); a string is taken as already in that type.</summary>
    /// <param name="value">The value, e.g. an HTML string.</param>
    /// <param name="mimeType">The MIME type, e.g. <c>text/html</c>.</param>
    /// <returns>A handle to replace the shown value.</returns>
    /// <exception cref="InvalidOperationException">No cell is running on this thread.</exception>
    [SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "Polyglot Notebooks' name, so notebooks run unchanged.")]
    public DisplayHandle display(object? value, string mimeType)
    {
        CellExecutionContext context = RequireContext();
        return new DisplayHandle(context, Formatters, context.Display(Formatters.Format(value, mimeType)));
    }

    private static CellExecutionContext RequireContext() =>
        CellExecutionContext.Current
        ?? throw new InvalidOperationException("display() can only be called from code running in a notebook cell.");
}
