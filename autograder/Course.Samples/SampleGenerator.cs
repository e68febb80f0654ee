using Course.Notebooks.Authoring;
using Course.Notebooks.Format;
using Course.Notebooks.Model;

namespace Course.Samples;

/// <summary>
/// Builds the samples: each is a copy of the released notebooks (notebooks/student) whose solution cells its
/// <see cref="SampleRecipe"/> fills, given the reference solution of each cell, which is the instructor's source
/// (notebooks/source) as the solutions export has it (<see cref="ReleasePipeline.Solutions"/>: the solution regions
/// without their marker lines).
/// </summary>
public static class SampleGenerator
{
    /// <summary>Builds every sample in memory.</summary>
    /// <param name="root">The course repository (the folder with Course.sln).</param>
    /// <param name="recipes">The samples to build; <see cref="SampleRecipes.All"/> when null.</param>
    /// <returns>The samples, in the recipes' order.</returns>
    /// <exception cref="SampleBuildException">A solution cell has no reference or no cell file it needs, or a cell file is used by no sample.</exception>
    /// <exception cref="NotebookFormatException">A notebook cannot be read.</exception>
    /// <exception cref="ReleaseException">An instructor source cannot be exported.</exception>
    public static IReadOnlyList<GeneratedSample> Generate(string root, IReadOnlyList<SampleRecipe>? recipes = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        string studentFolder = Path.Combine(root, "notebooks", "student");
        string sourceFolder = Path.Combine(root, "notebooks", "source");
        var released = Directory.GetFiles(studentFolder, "*.ipynb").Order(StringComparer.Ordinal)
            .Select(path => new Released(Path.GetFileName(path), NotebookFile.Load(path), References(sourceFolder, Path.GetFileName(path))))
            .ToList();
        if (released.Count == 0)
        {
            throw new SampleBuildException($"No released notebooks in {studentFolder}.");
        }

        var cells = CellFiles.Embedded();
        var samples = (recipes ?? SampleRecipes.All).Select(recipe => Build(recipe, released, cells)).ToList();
        // A cell file no sample takes would be compiled, believed in, and never graded.
        if (recipes is null && cells.Untaken.Count > 0)
        {
            throw new SampleBuildException($"No sample uses {string.Join(", ", cells.Untaken)}: is its grade_id still a solution cell's?");
        }

        return samples;
    }

    /// <summary>
    /// Writes the samples into <paramref name="folder"/>, one folder each, replacing any folder of the same name
    /// (what was in it is deleted); nothing else in <paramref name="folder"/> is touched.
    /// </summary>
    /// <param name="samples">The samples.</param>
    /// <param name="folder">The folder to write them into; created if missing.</param>
    public static void Write(IReadOnlyList<GeneratedSample> samples, string folder)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(folder);
        foreach (var sample in samples)
        {
            string target = Path.Combine(folder, sample.Name);
            // Replaced whole, so a notebook that no longer exists does not linger in a sample.
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Directory.CreateDirectory(target);
            foreach (var notebook in sample.Notebooks)
            {
                IpynbWriter.Write(notebook.Notebook, Path.Combine(target, notebook.FileName));
            }
        }
    }

    private static GeneratedSample Build(SampleRecipe recipe, IReadOnlyList<Released> released, CellFiles cells)
    {
        int filled = 0;
        var notebooks = new List<GeneratedNotebook>(released.Count);
        foreach (var (fileName, student, references) in released)
        {
            Notebook notebook = student.Clone();
            foreach (Cell cell in notebook.Cells)
            {
                if (GradeIdOfSolution(cell) is not { } gradeId)
                {
                    continue;
                }

                if (!references.TryGetValue(gradeId, out string? reference))
                {
                    throw new SampleBuildException($"{fileName}: the solution cell {gradeId} has no solution cell of that grade_id in notebooks/source; release the sources again.");
                }

                if (recipe.Fill(cells, gradeId, reference) is { } text)
                {
                    cell.Source = text;
                    filled++;
                }
            }

            notebooks.Add(new GeneratedNotebook(fileName, notebook));
        }

        return new GeneratedSample(recipe.Name, notebooks, filled);
    }

    /// <summary>Each solution cell's reference solution, by grade_id.</summary>
    private static Dictionary<string, string> References(string sourceFolder, string fileName)
    {
        string path = Path.Combine(sourceFolder, fileName);
        if (!File.Exists(path))
        {
            throw new SampleBuildException($"notebooks/student/{fileName} has no instructor source {path}.");
        }

        var solutions = ReleasePipeline.Solutions.ReleaseFile(path).Student;
        return solutions.Cells
            .Select(cell => (GradeId: GradeIdOfSolution(cell), cell.Source))
            .Where(cell => cell.GradeId is not null)
            .ToDictionary(cell => cell.GradeId!, cell => cell.Source, StringComparer.Ordinal);
    }

    /// <summary>The grade_id of a code cell students write their solution in; null for any other cell.</summary>
    private static string? GradeIdOfSolution(Cell cell) =>
        cell.Kind == CellKind.Code && NbgraderMetadata.Read(cell) is { Solution: true, GradeId: { } gradeId } ? gradeId : null;

    private sealed record Released(string FileName, Notebook Student, Dictionary<string, string> References);
}
