using Course.Notebooks.Execution;
using Course.Notebooks.Model;

namespace Course.Notebooks.Tests.Execution;

/// <summary>
/// Outputs are what the real .NET Interactive kernel shows for a Jupyter front end: its formatter library, HTML by
/// default, strings as plain text (the parity tests compare them with the real kernel itself).
/// </summary>
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
    public async Task A_value_is_shown_as_HTML_only_and_a_string_as_plain_text_only()
    {
        using var session = new NotebookSession();

        CellExecution number = await session.ExecuteAsync("41 + 1");
        CellExecution text = await session.ExecuteAsync("\"text\"");

        MimeBundle data = number.Outputs.Single().Data!;
        Assert.Equal([MimeBundle.Html], data.Keys);
        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>42</pre></div>", data.HtmlText, StringComparison.Ordinal);
        Assert.Equal([MimeBundle.PlainText], text.Outputs.Single().Data!.Keys);
        Assert.Equal("text", text.Outputs.Single().Data!.Text);
        Assert.Equal(number.ExecutionCount, number.Outputs[0].ExecutionCount);
    }

    [Fact]
    public async Task A_trailing_null_is_a_value_too()
    {
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync("null");

        Assert.True(result.HasReturnValue);
        Assert.Contains("&lt;null&gt;", result.Outputs.Single().Data!.HtmlText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_without_semicolon_that_returns_nothing_shows_nothing()
    {
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync("Console.Write(\"x\")");

        Assert.False(result.HasReturnValue);
        Assert.Equal([OutputKind.Stream], result.Outputs.Select(o => o.Kind));
    }

    [Fact]
    public async Task Display_of_a_string_is_plain_text_and_HTML_needs_HTML()
    {
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync("display(\"<b>x</b>\");\ndisplay(HTML(\"<b>x</b>\"));\ndisplay(\"<b>x</b>\", \"text/html\");");

        Assert.Equal([OutputKind.DisplayData, OutputKind.DisplayData, OutputKind.DisplayData], result.Outputs.Select(o => o.Kind));
        Assert.Equal("<b>x</b>", result.Outputs[0].Data!.Text);
        Assert.Equal("<b>x</b>", result.Outputs[1].Data!.HtmlText);
        // As in the real kernel, asking for HTML formats the string as HTML text rather than trusting it.
        Assert.Contains("&lt;b&gt;x&lt;/b&gt;", result.Outputs[2].Data!.HtmlText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_formatter_registered_with_the_formatter_library_is_used_in_a_later_cell()
    {
        using var session = new NotebookSession();
        await session.ExecuteAsync("class Marker { }\nMicrosoft.DotNet.Interactive.Formatting.Formatter.Register<Marker>(m => \"<i>marked</i>\", \"text/html\");");

        CellExecution result = await session.ExecuteAsync("new Marker()");

        Assert.Equal("<i>marked</i>", result.Outputs.Single().Data!.HtmlText);
    }

    [Fact]
    public async Task Updating_what_display_returned_leaves_the_shown_value_as_the_real_kernel_does()
    {
        var streamed = new List<Output>();
        using var session = new NotebookSession();

        // The real kernel's display() shows one DisplayedValue and returns another with a different id, so its
        // Update() reaches no display there; the engine runs the same code and keeps the same behaviour.
        CellExecution result = await session.ExecuteAsync(new CellSubmission("var d = display(\"epoch 1\");\nd.Update(\"epoch 2\");")
        {
            OnOutput = streamed.Add,
        });

        Assert.Equal("epoch 1", result.Outputs.Single().Data!.Text);
        Assert.Equal([OutputKind.DisplayData], streamed.Select(o => o.Kind));
        Assert.NotNull(streamed[0].DisplayId);
    }

    [Fact]
    public async Task Display_returns_the_real_kernels_displayed_value()
    {
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync("var d = display(1);\nd.GetType().FullName");

        Assert.Equal("Microsoft.DotNet.Interactive.Formatting.DisplayedValue", result.Outputs[^1].Data!.Text);
    }

    [Fact]
    public async Task Outputs_are_streamed_to_the_observer_as_they_happen()
    {
        var streamed = new List<OutputKind>();
        using var session = new NotebookSession();

        await session.ExecuteAsync(new CellSubmission("Console.Write(\"a\");\nConsole.Write(\"b\");\n3")
        {
            OnOutput = o => streamed.Add(o.Kind),
        });

        Assert.Equal([OutputKind.Stream, OutputKind.Stream, OutputKind.ExecuteResult], streamed);
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
    public async Task Compiler_warnings_of_a_cell_that_runs_go_to_stderr_after_its_output()
    {
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync("Console.Write(\"ran\");\nTask.FromResult(3)");

        Assert.Equal([OutputKind.Stream, OutputKind.Stream, OutputKind.ExecuteResult], result.Outputs.Select(o => o.Kind));
        Assert.Equal("stderr", result.Outputs[1].StreamName);
        Assert.StartsWith("\n(2,1): warning CS4014: ", result.Outputs[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Time_magic_reports_wall_time_as_the_real_kernel_words_it()
    {
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync("#!time\nvar t = 1;");

        Assert.Matches(@"^Wall time: [0-9.,]+ms$", result.Outputs.Single().Data!.Text);
    }
}
