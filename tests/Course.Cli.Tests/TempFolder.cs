namespace Course.Cli.Tests;

/// <summary>A fresh folder under the system temp folder, deleted when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "course-cli-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    /// <param name="relative">The relative path.</param>
    /// <returns>The full path.</returns>
    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>Writes a VS Code Polyglot C# notebook with the given code cells (and a Markdown cell first).</summary>
    /// <param name="name">The file name.</param>
    /// <param name="codeCells">The code of each code cell.</param>
    /// <returns>The notebook's path.</returns>
    public string Notebook(string name, params string[] codeCells)
    {
        var notebook = Course.Notebooks.Model.Notebook.CreatePolyglot();
        notebook.Cells.Add(Course.Notebooks.Model.Cell.CreateMarkdown("# Test", "md"));
        for (int i = 0; i < codeCells.Length; i++)
        {
            notebook.Cells.Add(Course.Notebooks.Model.Cell.CreateCode(codeCells[i], $"c{i + 1}"));
        }

        string path = File(name);
        Course.Notebooks.Format.IpynbWriter.Write(notebook, path);
        return path;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }
    }
}
