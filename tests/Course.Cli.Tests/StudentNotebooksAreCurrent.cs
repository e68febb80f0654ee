using Course.Notebooks.Authoring;

namespace Course.Cli.Tests;

/// <summary>
/// The committed student notebooks (notebooks/student) must be exactly what <c>course release</c> makes from the
/// sources (notebooks/source) now; otherwise students get stale exercises. Fix a failure with <c>course release</c>.
/// </summary>
public sealed class StudentNotebooksAreCurrent
{
    [Fact]
    public void Every_source_has_a_current_student_notebook_and_every_student_notebook_a_source()
    {
        string root = CourseTree.Root();
        string sourceFolder = Path.Combine(root, "notebooks", "source");
        string studentFolder = Path.Combine(root, "notebooks", "student");
        Assert.True(Directory.Exists(sourceFolder), $"{sourceFolder} does not exist: the module's instructor sources belong there.");
        string[] sources = Directory.GetFiles(sourceFolder, "*.ipynb").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal).ToArray();
        string[] students = Directory.Exists(studentFolder)
            ? Directory.GetFiles(studentFolder, "*.ipynb").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal).ToArray()
            : [];
        Assert.NotEmpty(sources);

        var problems = new List<string>();
        problems.AddRange(sources.Except(students, StringComparer.Ordinal).Select(name => $"notebooks/student/{name} is missing"));
        problems.AddRange(students.Except(sources, StringComparer.Ordinal).Select(name => $"notebooks/student/{name} has no source notebooks/source/{name}"));
        foreach (string name in sources.Intersect(students, StringComparer.Ordinal))
        {
            string released = ReleasePipeline.Default.ReleaseFile(Path.Combine(sourceFolder, name)).Serialize();
            if (!ReleasedFile.IsCurrent(File.ReadAllBytes(Path.Combine(studentFolder, name)), released))
            {
                problems.Add($"notebooks/student/{name} is stale");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\nRun `course release` from the repository root and commit notebooks/student.");
    }
}
