using Course.Notebooks.Model;
using Microsoft.DotNet.Interactive.Formatting;

namespace Course.Notebooks.Execution.Display;

/// <summary>
/// Turns a value into the MIME bundle the real .NET Interactive kernel would show for it: the same formatter
/// library (Microsoft.DotNet.Interactive.Formatting, at the version that kernel ships) configured as that
/// kernel configures it for notebook front ends.
/// </summary>
/// <remarks>
/// The kernel's front end (its <c>KernelBuilder.SetUpFormatters</c>) makes HTML the default MIME type and keeps
/// strings as plain text; a value then gets its preferred MIME types only (an <c>int</c> has no <c>text/plain</c>).
/// Libraries show their own types in both kernels by registering with <c>Formatter.Register</c>, as
/// TinyTorch.Analysis does for charts. The configuration is process-wide, as it is in the kernel, and so is the
/// route of <c>display(x)</c>: the library raises an event that the running cell's context picks up.
/// </remarks>
internal static class ValueFormatter
{
    private static readonly Lazy<IDisposable> Configured = new(() =>
    {
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
        return Formatter.SubscribeToDisplayedValues(Show);
    });

    /// <summary>Configures the formatter library as the real kernel does, once per process.</summary>
    public static void EnsureConfigured() => _ = Configured.Value;

    /// <summary>Formats a value in its preferred MIME types, or in the ones given.</summary>
    /// <param name="value">The value, possibly null.</param>
    /// <param name="mimeTypes">The MIME types wanted; empty for the value's preferred ones.</param>
    /// <returns>The bundle.</returns>
    public static MimeBundle Format(object? value, params string[] mimeTypes)
    {
        EnsureConfigured();
        IReadOnlyList<FormattedValue> values = value switch
        {
            // As the kernel does: a cell may hand over values it has formatted itself.
            FormattedValue formatted => [formatted],
            IEnumerable<FormattedValue> many => many.ToArray(),
            _ => FormattedValue.CreateManyFromObject(value!, mimeTypes),
        };
        return Bundle(values);
    }

    private static MimeBundle Bundle(IEnumerable<FormattedValue> values) =>
        new(values.Select(v => new KeyValuePair<string, string>(v.MimeType, v.Value)));

    // What the real kernel does with a displayed value: show it in the running cell, or print it outside one.
    private static void Show(DisplayedValue displayed)
    {
        if (CellExecutionContext.Current is { } cell)
        {
            cell.Display(displayed.DisplayId, Bundle(displayed.FormattedValues), displayed.IsUpdated);
        }
        else
        {
            Formatter.WriteToConsole(displayed);
        }
    }
}
