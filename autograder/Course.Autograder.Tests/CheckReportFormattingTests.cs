using Course.Specs;
using Course.Specs.Core;
using Microsoft.DotNet.Interactive.Formatting;

namespace Course.Autograder.Tests;

/// <summary>How a check cell's report displays in a host that formats through .NET Interactive (the real kernel).</summary>
public sealed class CheckReportFormattingTests
{
    [Fact]
    public void A_report_formats_as_its_table_and_its_text_with_no_set_up_line()
    {
        var report = ModuleSpecs.Check("flip", new Implementation());

        Assert.Equal(report.ToHtml(), report.ToDisplayString(HtmlFormatter.MimeType));
        Assert.Equal(report.ToString(), report.ToDisplayString(PlainTextFormatter.MimeType));
        Assert.StartsWith("✗ ", report.ToDisplayString(PlainTextFormatter.MimeType));
    }

    [Fact]
    public void A_report_prefers_html_then_plain_text_so_both_reach_the_notebook()
    {
        Assert.Equal([HtmlFormatter.MimeType, PlainTextFormatter.MimeType], Formatter.GetPreferredMimeTypesFor(typeof(CheckReport)));
    }
}
