using Course.Notebooks.Execution;
using Course.Notebooks.Execution.Display;
using Course.Notebooks.Model;

namespace Course.Notebooks.Tests.Execution;

public sealed class OutputTests
{
    [Fact]
    public async Task Console_output_becomes_stdout_and_stderr_streams_in_order()
    {
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync("Console.WriteLine(\"one\");\nConsole.Write(\"two\");\nConsole.Error.WriteLine(\"oops\");\nConsole.WriteLine(\"three\");");

        Assert.Equal(
            [("stdout", "one\ntwo"), ("stderr", "oops\n"), ("stdout", "three\n")],
            result.Outputs.Select(o => (o.StreamName!, o.Text!)));
    }

    [Fact]
    public async Task Display_of_a_record_list_gives_plain_text_and_an_HTML_table()
    {
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync("record Row(string Name, int Count);\ndisplay(new[] { new Row(\"<cat>\", 3), new Row(\"dog\", 5) });");

        Output display = result.Outputs.Single();
        Assert.Equal(OutputKind.DisplayData, display.Kind);
        Assert.Equal("[ Row { Name = <cat>, Count = 3 }, Row { Name = dog, Count = 5 } ]", display.Data!.Text);
        Assert.Equal(
            "<table><thead><tr><th>Name</th><th>Count</th></tr></thead><tbody><tr><td>&lt;cat&gt;</td><td>3</td></tr><tr><td>dog</td><td>5</td></tr></tbody></table>",
            display.Data.HtmlText);
        Assert.Equal(["data", "metadata", "output_type"], display.ToJson().Select(p => p.Key));
    }

    [Fact]
    public async Task Scalars_have_only_plain_text_in_the_invariant_culture()
    {
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync("display(1.5);\ndisplay(\"text\");\n2.25");

        Assert.Equal(["1.5", "text", "2.25"], result.Outputs.Select(o => o.Data!.Text));
        Assert.All(result.Outputs, o => Assert.Null(o.Data!.HtmlText));
        Assert.Equal([OutputKind.DisplayData, OutputKind.DisplayData, OutputKind.ExecuteResult], result.Outputs.Select(o => o.Kind));
        Assert.Equal(result.ExecutionCount, result.Outputs[2].ExecutionCount);
    }

    [Fact]
    public async Task A_ToHtml_method_is_used_by_convention()
    {
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync("class Chart { public string ToHtml() => \"<div id='chart'></div>\"; public override string ToString() => \"Chart\"; }\nnew Chart()");

        MimeBundle data = result.Outputs.Single().Data!;
        Assert.Equal("<div id='chart'></div>", data.HtmlText);
        Assert.Equal("Chart", data.Text);
    }

    [Fact]
    public async Task A_registered_formatter_wins_over_the_conventions_and_covers_derived_types()
    {
        using var session = new NotebookSession();
        session.Formatters.Register<Exception>(MimeBundle.Html, e => $"<b>{e.Message}</b>");

        CellExecution fromHost = await session.ExecuteAsync("new ArgumentException(\"bad\")");
        CellExecution fromCell = await session.ExecuteAsync("Formatters.Register<Version>(\"text/html\", v => $\"<i>{v.Major}</i>\");\nnew Version(3, 1)");

        Assert.Equal("<b>bad</b>", fromHost.Outputs.Single().Data!.HtmlText);
        Assert.Equal("<i>3</i>", fromCell.Outputs.Single().Data!.HtmlText);
    }

    [Fact]
    public async Task Display_with_a_mime_type_and_an_update_keep_the_last_value()
    {
        var streamed = new List<Output>();
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync(new CellSubmission("var handle = display(\"<p>epoch 1</p>\", \"text/html\");\nhandle.Update(\"<p>epoch 2</p>\", \"text/html\");")
        {
            OnOutput = streamed.Add,
        });

        MimeBundle data = result.Outputs.Single().Data!;
        Assert.Equal("<p>epoch 2</p>", data.HtmlText);
        Assert.Equal([OutputKind.DisplayData, OutputKind.UpdateDisplayData], streamed.Select(o => o.Kind));
        Assert.StartsWith("display-", streamed[1].DisplayId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outputs_are_streamed_to_the_observer_as_they_happen()
    {
        var streamed = new List<string>();
        using var session = new NotebookSession();

        await session.ExecuteAsync(new CellSubmission("Console.Write(\"a\");\nConsole.Write(\"b\");\n3")
        {
            OnOutput = o => streamed.Add(o.Kind == OutputKind.Stream ? o.Text! : o.Data!.Text!),
        });

        Assert.Equal(["a", "b", "3"], streamed);
    }

    [Fact]
    public async Task Concurrent_sessions_capture_their_own_console_output()
    {
        using var first = new NotebookSession();
        using var second = new NotebookSession();
        const string Code = "for (int i = 0; i < 200; i++) { Console.WriteLine(\"{0}\"); await Task.Yield(); }";

        CellExecution[] results = await Task.WhenAll(
            first.ExecuteAsync(Code.Replace("{0}", "first", StringComparison.Ordinal)),
            second.ExecuteAsync(Code.Replace("{0}", "second", StringComparison.Ordinal)));

        Assert.Equal(string.Concat(Enumerable.Repeat("first\n", 200)), results[0].Outputs.Single().Text);
        Assert.Equal(string.Concat(Enumerable.Repeat("second\n", 200)), results[1].Outputs.Single().Text);
    }

    [Fact]
    public void Display_outside_a_cell_is_an_error()
    {
        using var session = new NotebookSession();

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => session.Globals.display(1));

        Assert.Equal("display() can only be called from code running in a notebook cell.", error.Message);
    }

    [Fact]
    public void The_plain_text_of_common_values_is_readable()
    {
        var formatters = new FormatterRegistry();

        Assert.Equal("<null>", formatters.Format(null).Text);
        Assert.Equal("[ 1, 2, 3 ]", formatters.Format(new List<int> { 1, 2, 3 }).Text);
        Assert.Equal("[ ]", formatters.Format(Array.Empty<string>()).Text);
        Assert.Equal("{ A = 1, B = x }", formatters.Format(new { A = 1, B = "x" }).Text);
        Assert.Equal("(1, 2)", formatters.Format((1, 2)).Text);
        Assert.EndsWith(", ... ]", formatters.Format(Enumerable.Range(0, 1000)).Text, StringComparison.Ordinal);
    }
}
