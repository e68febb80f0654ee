using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive.Formatting;

namespace Course.Specs.Core;

/// <summary>
/// Makes a check cell's <see cref="CheckReport"/> display as its table (<c>text/html</c>) with its
/// ✓/✗ lines beside it (<c>text/plain</c>) in hosts that format values through .NET Interactive's
/// formatters: without this, the real kernel shows a report as a tree of its properties.
/// </summary>
internal static class CheckReportFormatting
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "Notebooks #r this library and expect check cells to show their table with no set-up line.")]
    internal static void Initialize()
    {
        try
        {
            Register();
        }
        catch (Exception)
        {
            // An exception escaping a module initializer would make every type of this assembly unusable,
            // and a host without the formatter library (the autograder) must still run the checks; the
            // report then shows as its ToString().
        }
    }

    // Separate and not inlined, so that a missing formatter library fails this call, inside the try above.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Register()
    {
        Formatter.Register<CheckReport>((report, writer) => writer.Write(report.ToHtml()), HtmlFormatter.MimeType);
        // Tools read the plain text for its ✓/✗ lines and "Not implemented yet", so both MIME types go out.
        Formatter.Register<CheckReport>((report, writer) => writer.Write(report.ToString()), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(CheckReport), HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
    }
}
