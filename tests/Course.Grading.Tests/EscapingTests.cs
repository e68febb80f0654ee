using System.Text.RegularExpressions;
using Course.Grading.Output;
using Course.Grading.Results;
using Markdig;
using static Course.Grading.Tests.Results;

namespace Course.Grading.Tests;

/// <summary>
/// One escaping per format, each reused by every writer of that format: CSV (formula starts neutralised, RFC 4180
/// quoting kept), HTML, Markdown and the terminal. Reasons and check messages, which may quote a submission's text,
/// are escaped like ids.
/// </summary>
public sealed class EscapingTests
{
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [Theory]
    [InlineData("amy", "amy")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\tTAB", "'\tTAB")]
    [InlineData("\rCR", "\"'\rCR\"")]
    [InlineData("'quoted", "''quoted")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("x=1", "x=1")]
    [InlineData("", "")]
    public void A_csv_field_that_a_spreadsheet_would_run_starts_with_a_quote_and_is_quoted_as_rfc_4180_says(string text, string field) =>
        Assert.Equal(field, CsvText.Field(text));

    [Theory]
    [InlineData("\u001b[31mred\n", @"\x1b[31mred\n")]
    [InlineData("a\tb\rc", @"a\tb\rc")]
    [InlineData("\u009b2J", @"\x9b2J")]
    [InlineData("\u202Egnp.exe", @"\u202egnp.exe")]
    [InlineData("x\u2028y", @"x\u2028y")]
    [InlineData("ünïcödé 😀", "ünïcödé 😀")]
    [InlineData(@"C:\Users\amy", @"C:\Users\amy")]
    public void Terminal_text_shows_control_and_invisible_characters_as_escapes(string text, string shown) =>
        Assert.Equal(shown, TerminalText.Escape(text));

    [Fact]
    public void Terminal_text_shows_a_lone_surrogate_as_an_escape()
    {
        // Not InlineData: xunit's serialisation of theory data would mangle the lone surrogate before the test saw it.
        Assert.Equal(@"a\ud800b\udc00", TerminalText.Escape("a\uD800b\uDC00"));
    }

    [Theory]
    [InlineData("see http://example.com/x", "see http\\://example.com/x")]
    [InlineData("www.example.com", "www\\.example.com")]
    [InlineData("Cell 4: (2,5): error CS1002: ; expected", "Cell 4: (2,5): error CS1002: ; expected")]
    public void A_bare_web_address_in_markdown_text_is_kept_from_autolinks(string text, string markdown)
    {
        Assert.Equal(markdown, MarkdownText.Escape(text));
        Assert.DoesNotContain("<a ", Markdown.ToHtml(markdown, Gfm), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_text_escapes_tags_quotes_and_references_and_shows_control_characters()
    {
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt;", HtmlText.Escape("<script>alert(1)</script>"));
        Assert.Equal("&quot; onmouseover=&quot;x&#39;", HtmlText.Escape("\" onmouseover=\"x'"));
        Assert.Equal("&amp;lt;", HtmlText.Escape("&lt;"));
        Assert.Equal(@"\x1b[31m" + "\n", HtmlText.Escape("\u001b[31m\n"));
        Assert.Equal("a~b.c-d_e", HtmlText.UrlSegment("a~b.c-d_e"));
        Assert.Equal("a%2Fb%3F%23%3A", HtmlText.UrlSegment("a/b?#:"));
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("![img](http://example.com/x.png)")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("| a | b |\n|---|---|\n| c | d |")]
    [InlineData("line\n# heading\n- item\n<div>")]
    [InlineData("*bold* _it_ ~~del~~ `code` $x$ &amp; \\")]
    [InlineData("visit www.example.com or https://example.com/?q=1")]
    [InlineData("[ref]: javascript:alert(1)\n[ref]")]
    public void Student_text_in_a_reason_a_problem_a_message_or_a_hint_renders_as_text_in_markdown(string text)
    {
        var result = Submission("amy", Check("x", "01-a.ipynb", 2, false, message: text) with { Hint = text, Title = text }) with
        {
            Status = SubmissionStatus.Crashed,
            Reason = text,
            Notebooks = [new NotebookOutcome("01-a.ipynb", NotebookStatus.Ran, [text]), new NotebookOutcome("02-b.ipynb", NotebookStatus.Ran, [])],
        };

        string rendered = Markdown.ToHtml(FeedbackWriter.ToMarkdown(result), Gfm);

        Assert.DoesNotContain("<a ", rendered, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", rendered, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", rendered, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", rendered, StringComparison.OrdinalIgnoreCase);
        Assert.Single(Regex.Matches(rendered, "<em>")); // the writer's own "*Hint: ...*"
        Assert.DoesNotContain("<del>", rendered, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("math", rendered, StringComparison.OrdinalIgnoreCase);
        // Only what the writer made: the id's code span, a heading per notebook, the one check's table row of four cells.
        Assert.Single(Regex.Matches(rendered, "<code>"));
        Assert.Single(Regex.Matches(rendered, "<h1"));
        Assert.Equal(2, Regex.Matches(rendered, "<h2").Count);
        Assert.Single(Regex.Matches(rendered, "<table"));
        Assert.Equal(4, Regex.Matches(rendered, "<td").Count);
        Assert.Single(Regex.Matches(rendered, "<li"));
    }

    [Fact]
    public void Student_text_in_feedback_html_is_text_in_every_place()
    {
        const string Text = "<img src=x onerror=alert(1)>\" '";
        var result = Submission(Text, Check("x", "01-a.ipynb", 2, false, message: Text) with { Hint = Text, Title = Text }) with
        {
            Status = SubmissionStatus.Crashed,
            Reason = Text,
            Notebooks = [new NotebookOutcome("01-a.ipynb", NotebookStatus.Ran, [Text]), new NotebookOutcome("02-b.ipynb", NotebookStatus.Ran, [])],
        };

        string html = FeedbackWriter.ToHtml(result) + ClassSummaryWriter.ToHtml([result], Text);

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("href=\"img_src_x_onerror_alert_1~", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_terminal_table_has_one_line_per_student_whatever_their_ids_hold()
    {
        var results = new[] { Submission("amy"), Submission("evil\n[9/9] bob: graded: 100/100\u001b[2K") };

        string table = TerminalReport.Table(results);

        string[] lines = table.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Contains(@"evil\n[9/9] bob: graded: 100/100\x1b[2K", lines[2], StringComparison.Ordinal);
    }
}
