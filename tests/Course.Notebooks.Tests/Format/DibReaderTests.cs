using Course.Notebooks.Format;
using Course.Notebooks.Model;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Format;

public sealed class DibReaderTests
{
    [Fact]
    public void A_dib_file_becomes_cells_split_at_kernel_lines()
    {
        Notebook notebook = DibReader.Read(Fixtures.Path("sample.dib"));

        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code, CellKind.Markdown], notebook.Cells.Select(c => c.Kind));
        Assert.Equal("# Loading data\n\nCells share state.", notebook.Cells[0].Source);
        Assert.Equal("var numbers = Enumerable.Range(1, 4).ToArray();", notebook.Cells[1].Source);
        // #!time is a magic command, not a cell separator: it stays in its cell.
        Assert.Equal("#!time\nnumbers.Sum()", notebook.Cells[2].Source);
        Assert.Equal("The end.", notebook.Cells[3].Source);
        Assert.All(notebook.Cells.Where(c => c.Kind == CellKind.Code), c => Assert.Equal(CellLanguages.CSharp, notebook.LanguageOf(c)));
    }

    [Fact]
    public void The_meta_cell_becomes_polyglot_notebook_metadata_and_its_kernel_names_split_cells()
    {
        Notebook notebook = DibReader.Parse("#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[\"tt\"],\"name\":\"tinytorch\"}]}}\n\n#!csharp\n1\n\n#!tt\nsomething");

        Assert.Equal("tinytorch", notebook.Metadata["polyglot_notebook"]!["kernelInfo"]!["items"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(2, notebook.Cells.Count);
        Assert.Equal("tt", notebook.LanguageOf(notebook.Cells[1]));
    }

    [Fact]
    public void Converting_the_same_file_twice_gives_the_same_ids()
    {
        Notebook first = DibReader.Read(Fixtures.Path("sample.dib"));
        Notebook second = DibReader.Read(Fixtures.Path("sample.dib"));

        Assert.Equal(first.Cells.Select(c => c.Id), second.Cells.Select(c => c.Id));
        Assert.Equal(first.Cells.Count, first.Cells.Select(c => c.Id).Distinct().Count());
        Assert.Equal(IpynbWriter.Serialize(first), IpynbWriter.Serialize(second));
    }

    [Fact]
    public void A_meta_cell_that_is_not_JSON_is_an_error_naming_the_file()
    {
        using var folder = new TempFolder();
        string path = folder.File("broken.dib");
        File.WriteAllText(path, "#!meta\n\n{not json\n\n#!csharp\n1");

        NotebookFormatException error = Assert.Throws<NotebookFormatException>(() => NotebookFile.Load(path));

        Assert.StartsWith($"{path}: cell 1: the #!meta cell is not valid JSON", error.Message, StringComparison.Ordinal);
    }
}
