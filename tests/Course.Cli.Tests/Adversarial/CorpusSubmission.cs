using System.Text.Json.Nodes;
using Course.Notebooks.Format;
using Course.Notebooks.Model;

namespace Course.Cli.Tests.Adversarial;

/// <summary>
/// One corpus submission being built: a copy of a correct submission that its case then breaks with one
/// small edit. Cell numbers are 1-based positions counting every cell (Markdown too), as the grader
/// reports them; line numbers are 1-based within the cell.
/// </summary>
public sealed class CorpusSubmission
{
    /// <summary>Creates the submission as a copy of <paramref name="template"/>.</summary>
    /// <param name="template">A correct submission's folder.</param>
    /// <param name="folder">The new submission's folder (its name is the student id).</param>
    /// <param name="batch">What the attacks aim at.</param>
    public CorpusSubmission(string template, string folder, CorpusBatch batch)
    {
        Directory.CreateDirectory(folder);
        foreach (string file in Directory.GetFiles(template, "*.ipynb"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        Folder = folder;
        Batch = batch;
    }

    /// <summary>The submission's folder.</summary>
    public string Folder { get; }

    /// <summary>The paths and the port the attacks aim at.</summary>
    public CorpusBatch Batch { get; }

    /// <summary>The path of one of the submission's notebooks.</summary>
    /// <param name="notebook">The notebook's file name.</param>
    /// <returns>The path.</returns>
    public string PathOf(string notebook) => Path.Combine(Folder, notebook);

    /// <summary>Appends <paramref name="code"/> as new lines at the end of the cell with <paramref name="gradeId"/>.</summary>
    /// <param name="notebook">The notebook's file name.</param>
    /// <param name="gradeId">The nbgrader grade_id of the cell.</param>
    /// <param name="code">The code to append.</param>
    /// <returns>The cell's number and the line number of the first appended line.</returns>
    public (int Cell, int Line) AppendToCell(string notebook, string gradeId, string code)
    {
        int line = 0;
        int cell = Edit(notebook, gradeId, source =>
        {
            string kept = source.TrimEnd('\n');
            line = kept.Split('\n').Length + 1;
            return kept + "\n" + code;
        });
        return (cell, line);
    }

    /// <summary>Replaces <paramref name="find"/> (which must be there) in the cell with <paramref name="gradeId"/>.</summary>
    /// <param name="notebook">The notebook's file name.</param>
    /// <param name="gradeId">The nbgrader grade_id of the cell.</param>
    /// <param name="find">Text of the cell.</param>
    /// <param name="replacement">What replaces it.</param>
    /// <returns>The cell's number.</returns>
    public int ReplaceInCell(string notebook, string gradeId, string find, string replacement) =>
        Edit(notebook, gradeId, source => source.Contains(find, StringComparison.Ordinal)
            ? source.Replace(find, replacement, StringComparison.Ordinal)
            : throw new InvalidOperationException($"Corpus out of date: cell {gradeId} of {notebook} no longer contains:\n{find}"));

    /// <summary>Replaces the whole source of the cell with <paramref name="gradeId"/>.</summary>
    /// <param name="notebook">The notebook's file name.</param>
    /// <param name="gradeId">The nbgrader grade_id of the cell.</param>
    /// <param name="source">The new source.</param>
    /// <returns>The cell's number.</returns>
    public int ReplaceCell(string notebook, string gradeId, string source) => Edit(notebook, gradeId, _ => source);

    /// <summary>Puts back the released stub of the cell with <paramref name="gradeId"/>: that exercise is not done.</summary>
    /// <param name="notebook">The notebook's file name.</param>
    /// <param name="gradeId">The nbgrader grade_id of the solution cell.</param>
    /// <returns>The cell's number.</returns>
    public int RestoreStub(string notebook, string gradeId)
    {
        var released = NotebookFile.Load(Path.Combine(CourseTree.Root(), "notebooks", "student", notebook));
        return ReplaceCell(notebook, gradeId, released.Cells[IndexOf(released, notebook, gradeId)].Source);
    }

    /// <summary>Deletes the cell with <paramref name="gradeId"/>.</summary>
    /// <param name="notebook">The notebook's file name.</param>
    /// <param name="gradeId">The nbgrader grade_id of the cell.</param>
    public void DeleteCell(string notebook, string gradeId)
    {
        var loaded = NotebookFile.Load(PathOf(notebook));
        loaded.Cells.RemoveAt(IndexOf(loaded, notebook, gradeId));
        IpynbWriter.Write(loaded, PathOf(notebook));
    }

    /// <summary>Adds a Markdown cell at the end of a notebook.</summary>
    /// <param name="notebook">The notebook's file name.</param>
    /// <param name="text">The cell's text.</param>
    public void AddMarkdownCell(string notebook, string text)
    {
        var loaded = NotebookFile.Load(PathOf(notebook));
        loaded.Cells.Add(Cell.CreateMarkdown(text, "added-by-corpus"));
        IpynbWriter.Write(loaded, PathOf(notebook));
    }

    /// <summary>Removes every cell of a notebook, leaving a valid nbformat file with none.</summary>
    /// <param name="notebook">The notebook's file name.</param>
    public void RemoveAllCells(string notebook)
    {
        var loaded = NotebookFile.Load(PathOf(notebook));
        loaded.Cells.Clear();
        IpynbWriter.Write(loaded, PathOf(notebook));
    }

    /// <summary>Overwrites a notebook file with <paramref name="text"/>.</summary>
    /// <param name="notebook">The notebook's file name.</param>
    /// <param name="text">The file's new content.</param>
    public void Overwrite(string notebook, string text) => File.WriteAllText(PathOf(notebook), text);

    /// <summary>Puts the content of one of the submission's notebooks under another one's name.</summary>
    /// <param name="from">The notebook whose content is copied.</param>
    /// <param name="to">The notebook it replaces.</param>
    public void CopyNotebook(string from, string to) => File.Copy(PathOf(from), PathOf(to), overwrite: true);

    /// <summary>Deletes one of the submission's notebooks.</summary>
    /// <param name="notebook">The notebook's file name.</param>
    public void Delete(string notebook) => File.Delete(PathOf(notebook));

    /// <summary>A C# verbatim string literal holding <paramref name="text"/>, to put a path into attack code.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The literal.</returns>
    public static string Literal(string text) => "@\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private int Edit(string notebook, string gradeId, Func<string, string> change)
    {
        var loaded = NotebookFile.Load(PathOf(notebook));
        int index = IndexOf(loaded, notebook, gradeId);
        loaded.Cells[index].Source = change(loaded.Cells[index].Source);
        IpynbWriter.Write(loaded, PathOf(notebook));
        return index + 1;
    }

    private static int IndexOf(Notebook notebook, string name, string gradeId)
    {
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            if (notebook.Cells[i].Metadata["nbgrader"] is JsonObject nbgrader && nbgrader["grade_id"]?.GetValue<string>() == gradeId)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Corpus out of date: {name} has no cell with grade_id {gradeId}.");
    }
}
