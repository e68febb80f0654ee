using System.Text.Json.Nodes;
using Course.Notebooks.Authoring;
using Course.Notebooks.Model;

namespace Course.Notebooks.Tests.Authoring;

public sealed class PolyglotConformanceTests
{
    [Fact]
    public void A_notebook_made_as_Polyglot_makes_it_conforms()
    {
        Notebook notebook = SourceCells.Notebook(
            Cell.CreateCode("#r \"../lib/TinyTorch.dll\"\n#!time\nusing TinyTorch;\n#nullable enable\n#region setup\n#endregion", "c1"),
            Cell.CreateMarkdown("Use `#r \"path\"`.", "m1"));

        Assert.Empty(PolyglotConformance.Problems(notebook));
    }

    [Theory]
    [InlineData("#r \"nuget: Plotly.NET, 6.0.0\"", "#r \"nuget: …\" is not allowed")]
    [InlineData("  #r \"NuGet:Foo\"", "#r \"nuget: …\" is not allowed")]
    [InlineData("#!fsharp", "#!fsharp is not a directive")]
    [InlineData("#!about", "#!about is not a directive")]
    [InlineData("#load \"other.csx\"", "#load \"other.csx\" is not a directive")]
    [InlineData("#i \"nuget: https://example.org\"", "is not a directive")]
    public void Unsupported_directives_are_reported_with_cell_and_line(string line, string expected)
    {
        Notebook notebook = SourceCells.Notebook(Cell.CreateMarkdown("m", "m"), Cell.CreateCode("var x = 1;\n" + line, "c"));

        string problem = Assert.Single(PolyglotConformance.Problems(notebook));

        Assert.StartsWith("cell 2, line 2: ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Changed_notebook_metadata_and_missing_cell_metadata_are_reported()
    {
        Notebook notebook = SourceCells.Notebook(Cell.CreateCode("1", "c1"));
        notebook.Metadata["kernelspec"]!["display_name"] = "C#";
        notebook.Metadata["course"] = new JsonObject();
        notebook.Cells[0].Metadata.Remove("polyglot_notebook");

        IReadOnlyList<string> problems = PolyglotConformance.Problems(notebook);

        Assert.Equal(2, problems.Count);
        Assert.Contains("metadata.kernelspec.display_name is \"C#\", expected \".NET (C#)\"", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("cell 1: a code cell needs the Polyglot cell metadata", problems[1], StringComparison.Ordinal);
    }
}
