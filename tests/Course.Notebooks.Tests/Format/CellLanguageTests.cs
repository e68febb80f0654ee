using System.Text.Json.Nodes;
using Course.Notebooks.Format;
using Course.Notebooks.Model;

namespace Course.Notebooks.Tests.Format;

public sealed class CellLanguageTests
{
    private static Notebook Parse(string notebookMetadata, string cellMetadata, string source) => IpynbReader.Parse($$"""
        {"cells": [{"cell_type": "code", "execution_count": null, "metadata": {{cellMetadata}}, "outputs": [], "source": {{JsonValue.Create(source).ToJsonString()}}}],
         "metadata": {{notebookMetadata}}, "nbformat": 4, "nbformat_minor": 4}
        """);

    [Theory]
    [InlineData("{}", """{"polyglot_notebook": {"kernelName": "fsharp"}, "dotnet_interactive": {"language": "csharp"}}""", "#!pwsh\nx", "fsharp")]
    [InlineData("{}", """{"dotnet_interactive": {"language": "pwsh"}}""", "#!csharp\nx", "pwsh")]
    [InlineData("""{"polyglot_notebook": {"kernelInfo": {"defaultKernelName": "fsharp"}}}""", "{}", "#!csharp\nx", "csharp")]
    [InlineData("""{"polyglot_notebook": {"kernelInfo": {"defaultKernelName": "fsharp"}}}""", "{}", "#!time\nx", "fsharp")]
    [InlineData("""{"kernelspec": {"name": ".net-fsharp", "language": "F#"}}""", "{}", "x", "fsharp")]
    [InlineData("""{"kernelspec": {"name": "python3", "language": "python"}}""", "{}", "x", "python")]
    [InlineData("{}", "{}", "#!c#\nx", "csharp")]
    [InlineData("{}", "{}", "x", "csharp")]
    public void A_cells_language_follows_the_Polyglot_precedence(string notebookMetadata, string cellMetadata, string source, string expected)
    {
        Notebook notebook = Parse(notebookMetadata, cellMetadata, source);

        Assert.Equal(expected, notebook.LanguageOf(notebook.Cells[0]));
    }

    [Fact]
    public void Markdown_and_raw_cells_are_their_own_language()
    {
        Notebook notebook = Notebook.CreatePolyglot();
        notebook.Cells.Add(Cell.CreateMarkdown("# Title"));

        Assert.Equal(CellLanguages.Markdown, notebook.LanguageOf(notebook.Cells[0]));
    }
}
