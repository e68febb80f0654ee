using Course.Notebooks.Format;
using Course.Notebooks.Model;

namespace Course.Cli.Tests;

/// <summary>Notebooks written into a <see cref="TempFolder"/> for the command tests.</summary>
public static class TempFolderNotebooks
{
    /// <summary>Writes a VS Code Polyglot C# notebook with the given code cells (and a Markdown cell first).</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="name">The file name.</param>
    /// <param name="codeCells">The code of each code cell.</param>
    /// <returns>The notebook's path.</returns>
    public static string Notebook(this TempFolder folder, string name, params string[] codeCells)
    {
        var notebook = Course.Notebooks.Model.Notebook.CreatePolyglot();
        notebook.Cells.Add(Cell.CreateMarkdown("# Test", "md"));
        for (int i = 0; i < codeCells.Length; i++)
        {
            notebook.Cells.Add(Cell.CreateCode(codeCells[i], $"c{i + 1}"));
        }

        string path = folder.File(name);
        IpynbWriter.Write(notebook, path);
        return path;
    }
}
