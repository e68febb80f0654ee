using Course.Notebooks.Authoring;
using Course.Notebooks.Format;
using Course.Notebooks.Model;

namespace Course.Notebooks.Tests.Authoring;

public sealed class ClearOutputsTests
{
    [Fact]
    public void Code_cells_lose_outputs_and_execution_counts_and_markdown_is_untouched()
    {
        Cell ran = Cell.CreateCode("1 + 1", "c1");
        ran.SetOutputs([Output.Stream("stdout", "secret answer\n")]);
        ran.ExecutionCount = 7;
        Cell markdown = Cell.CreateMarkdown("# Title", "m1");
        Notebook notebook = SourceCells.Notebook(markdown, ran, Cell.CreateCode("2", "c2"));

        int cleared = new ClearOutputs().Apply(notebook, new ReleaseContext(null));

        Assert.Equal(1, cleared);
        Assert.Empty(notebook.Cells[1].Outputs);
        Assert.Null(notebook.Cells[1].ExecutionCount);
        Assert.Contains("\"execution_count\": null", IpynbWriter.Serialize(notebook), StringComparison.Ordinal);
        Assert.DoesNotContain("secret answer", IpynbWriter.Serialize(notebook), StringComparison.Ordinal);
        Assert.Equal("# Title", notebook.Cells[0].Source);
    }
}
