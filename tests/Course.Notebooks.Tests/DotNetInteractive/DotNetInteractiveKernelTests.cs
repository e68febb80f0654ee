using Course.Notebooks.DotNetInteractive;
using Course.Notebooks.Model;

namespace Course.Notebooks.Tests.DotNetInteractive;

/// <summary>The client for the real .NET Interactive kernel turns its events into the outputs Jupyter saves.</summary>
public sealed class DotNetInteractiveKernelTests
{
    private static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(2);

    [RequiresToolFact(typeof(InteractiveKernel))]
    public async Task A_cell_that_runs_gives_its_console_text_and_its_value()
    {
        using var folder = new TempFolder();
        await using var kernel = await DotNetInteractiveKernel.StartAsync(folder.Path);

        DotNetInteractiveCell cell = await kernel.SubmitAsync("Console.WriteLine(\"one\"); 41 + 1", CellTimeout);

        Assert.Equal(DotNetInteractiveOutcome.Succeeded, cell.Outcome);
        Assert.Equal([OutputKind.Stream, OutputKind.ExecuteResult], cell.Outputs.Select(o => o.Kind));
        Assert.Equal("one\n", cell.Outputs[0].Text);
        Assert.Contains("<pre>42</pre>", cell.Outputs[1].Data![MimeBundle.Html], StringComparison.Ordinal);
    }

    [RequiresToolFact(typeof(InteractiveKernel))]
    public async Task A_cell_that_does_not_compile_shows_its_diagnostics_on_stderr()
    {
        using var folder = new TempFolder();
        await using var kernel = await DotNetInteractiveKernel.StartAsync(folder.Path);

        DotNetInteractiveCell cell = await kernel.SubmitAsync("var x = 1;\nundefinedName", CellTimeout);

        Assert.Equal(DotNetInteractiveOutcome.CompilationFailed, cell.Outcome);
        Assert.Equal(Output.StandardError, cell.Outputs[0].StreamName);
        Assert.Equal("\n(2,1): error CS0103: The name 'undefinedName' does not exist in the current context\n\n", cell.Outputs[0].Text);
        Assert.Equal(("Error", "compilation error"), (cell.Outputs[1].ErrorName, cell.Outputs[1].ErrorValue));
    }

    [RequiresToolFact(typeof(InteractiveKernel))]
    public async Task A_cell_that_throws_names_the_exception_and_later_cells_keep_the_state()
    {
        using var folder = new TempFolder();
        await using var kernel = await DotNetInteractiveKernel.StartAsync(folder.Path);
        await kernel.SubmitAsync("int kept = 7;", CellTimeout);

        DotNetInteractiveCell thrown = await kernel.SubmitAsync("throw new InvalidOperationException(\"boom\");", CellTimeout);
        DotNetInteractiveCell after = await kernel.SubmitAsync("Console.Write(kept);", CellTimeout);

        Assert.Equal(DotNetInteractiveOutcome.Threw, thrown.Outcome);
        Assert.StartsWith("System.InvalidOperationException: boom", thrown.Outputs.Single().ErrorValue, StringComparison.Ordinal);
        Assert.Equal("7", after.Outputs.Single().Text);
    }

    [Fact]
    public async Task Starting_in_a_folder_that_does_not_exist_names_it()
    {
        string missing = Path.Combine(Path.GetTempPath(), "course-no-such-folder-" + Guid.NewGuid().ToString("N"));

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => DotNetInteractiveKernel.StartAsync(missing, toolPath: "/bin/true"));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tool_named_by_the_environment_that_does_not_exist_is_not_found()
    {
        string missing = Path.Combine(Path.GetTempPath(), "course-no-such-tool-" + Guid.NewGuid().ToString("N"));
        string? before = Environment.GetEnvironmentVariable(DotNetInteractiveTool.PathVariable);
        Environment.SetEnvironmentVariable(DotNetInteractiveTool.PathVariable, missing);
        try
        {
            Assert.Null(DotNetInteractiveTool.TryFind());
            var error = Assert.Throws<FileNotFoundException>(DotNetInteractiveTool.Find);
            Assert.Contains(DotNetInteractiveTool.PinnedVersion, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DotNetInteractiveTool.PathVariable, before);
        }
    }
}
