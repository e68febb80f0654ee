using Course.Notebooks.Format;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Format;

public sealed class IpynbReaderErrorTests
{
    [Theory]
    [InlineData("{ \"cells\": [", "not valid JSON")]
    [InlineData("[]", "not a Jupyter notebook: the JSON is not an object")]
    [InlineData("{\"cells\": [], \"metadata\": {}}", "no integer 'nbformat' field")]
    [InlineData("{\"cells\": [], \"metadata\": {}, \"nbformat\": 3, \"nbformat_minor\": 0}", "nbformat 3 is too old")]
    [InlineData("{\"worksheets\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 4}", "no 'cells' list")]
    [InlineData("{\"cells\": [], \"metadata\": {}, \"nbformat\": 5, \"nbformat_minor\": 0}", "nbformat 5 is newer")]
    public void Bad_notebook_files_are_rejected_naming_the_file(string json, string expected)
    {
        using var folder = new TempFolder();
        string path = folder.File("bad.ipynb");
        File.WriteAllText(path, json);

        NotebookFormatException error = Assert.Throws<NotebookFormatException>(() => IpynbReader.Read(path));

        Assert.Equal(path, error.FilePath);
        Assert.Null(error.CellNumber);
        Assert.StartsWith($"{path}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(json, File.ReadAllText(path));
    }

    [Theory]
    [InlineData("{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"source\": 5}", "'source' must be a string or a list of strings")]
    [InlineData("{\"cell_type\": \"heading\", \"metadata\": {}, \"source\": \"\"}", "unknown cell_type 'heading'")]
    [InlineData("{\"metadata\": {}, \"source\": \"\"}", "the cell has no 'cell_type'")]
    [InlineData("\"just text\"", "a cell must be a JSON object")]
    public void A_bad_cell_is_reported_with_its_number(string cell, string expected)
    {
        string json = $"{{\"cells\": [{{\"cell_type\": \"markdown\", \"metadata\": {{}}, \"source\": \"ok\"}}, {cell}], \"metadata\": {{}}, \"nbformat\": 4, \"nbformat_minor\": 4}}";

        NotebookFormatException error = Assert.Throws<NotebookFormatException>(() => IpynbReader.Parse(json));

        Assert.Equal(2, error.CellNumber);
        Assert.Equal($"cell 2: {expected}", error.Message.Split(" (", 2)[0]);
    }

    [Fact]
    public void A_missing_file_is_reported_as_not_found()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "lesson.ipynb");

        NotebookFormatException error = Assert.Throws<NotebookFormatException>(() => NotebookFile.Load(path));

        Assert.Equal($"{path}: file not found (its folder does not exist)", error.Message);
        Assert.IsType<DirectoryNotFoundException>(error.InnerException);
    }

    [Fact]
    public void A_folder_is_not_a_notebook()
    {
        using var folder = new TempFolder();
        string path = folder.File("looks-like.ipynb");
        Directory.CreateDirectory(path);

        NotebookFormatException error = Assert.Throws<NotebookFormatException>(() => NotebookFile.Load(path));

        Assert.StartsWith($"{path}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_file_types_are_refused()
    {
        NotebookFormatException error = Assert.Throws<NotebookFormatException>(() => NotebookFile.Load("lesson.py"));

        Assert.Equal("lesson.py: unsupported file type '.py' (the engine reads .ipynb and .dib)", error.Message);
    }
}
