using Course.Notebooks.Authoring;
using Course.Notebooks.Format;
using Course.Notebooks.Model;

namespace Course.Autograder;

/// <summary>
/// The instructor's source notebooks of the module: what a submission is expected to contain, the
/// locked cells to restore, and which notebook each graded cell (grade_id) belongs to.
/// </summary>
public sealed class ModuleNotebooks
{
    private readonly Dictionary<string, string> _notebookOfGradeId;

    private ModuleNotebooks(IReadOnlyList<(string Name, Notebook Source)> sources)
    {
        Sources = sources;
        _notebookOfGradeId = [];
        foreach (var (name, source) in sources)
        {
            foreach (string gradeId in GradedCells(source))
            {
                _notebookOfGradeId[gradeId] = name;
            }
        }
    }

    /// <summary>The source notebooks, by file name, in order.</summary>
    public IReadOnlyList<(string Name, Notebook Source)> Sources { get; }

    /// <summary>The notebooks' file names, in order.</summary>
    public IReadOnlyList<string> Names => Sources.Select(s => s.Name).ToArray();

    /// <summary>Loads every <c>*.ipynb</c> of <paramref name="folder"/> (the instructor's sources).</summary>
    /// <param name="folder">The folder of source notebooks.</param>
    /// <returns>The module's notebooks.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist or holds no notebook.</exception>
    public static ModuleNotebooks Load(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        string[] files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.ipynb") : [];
        if (files.Length == 0)
        {
            throw new DirectoryNotFoundException($"No source notebooks found in '{Path.GetFullPath(folder)}'.");
        }

        Array.Sort(files, StringComparer.Ordinal);
        return new ModuleNotebooks(files.Select(f => (Path.GetFileName(f), NotebookFile.Load(f))).ToArray());
    }

    /// <summary>The notebook that holds the graded cell <paramref name="gradeId"/>, or null.</summary>
    /// <param name="gradeId">A grade_id.</param>
    /// <returns>The notebook's file name, or null if no source notebook has that cell.</returns>
    public string? NotebookOf(string gradeId) => _notebookOfGradeId.GetValueOrDefault(gradeId);

    /// <summary>The grade_ids of the graded (grade: true) cells of <paramref name="notebook"/>.</summary>
    /// <param name="notebook">A notebook; a submitted one may hold anything, and a grade_id that is not a string is no grade_id.</param>
    /// <returns>The grade_ids, in cell order.</returns>
    public static IReadOnlyList<string> GradedCells(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return notebook.Cells.Select(NbgraderMetadata.Read).Where(n => n is { Grade: true, GradeId: not null }).Select(n => n!.GradeId!).ToArray();
    }

    /// <summary>Every grade_id a notebook's cells carry, graded or not.</summary>
    /// <param name="notebook">A notebook; a submitted one may hold anything, and a grade_id that is not a string is no grade_id.</param>
    /// <returns>The grade_ids.</returns>
    public static IReadOnlySet<string> AllGradeIds(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        // NbgraderMetadata reads leniently (a number where a string belongs reads as absent) and changes nothing.
        return notebook.Cells.Select(NbgraderMetadata.Read).Where(n => n?.GradeId is not null).Select(n => n!.GradeId!).ToHashSet(StringComparer.Ordinal);
    }
}
