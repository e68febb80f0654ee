using Course.Autograder.Screening;
using Course.Notebooks.Format;

namespace Course.Autograder.Tests.Screening;

/// <summary>
/// The course's own notebooks call no reference implementation: the instructor's solutions, the released stubs and
/// every sample submission must screen clean, or the screening would take points from correct work.
/// </summary>
public sealed class CourseNotebooksScreeningTests
{
    public static TheoryData<string> CourseNotebooks() => new(CourseNotebookPaths());

    private static string[] CourseNotebookPaths()
    {
        string root = ScreeningNotebooks.Root;
        IEnumerable<string> files = Directory.GetFiles(Path.Combine(root, "notebooks", "source"), "*.ipynb")
            .Concat(Directory.GetFiles(Path.Combine(root, "notebooks", "student"), "*.ipynb"))
            .Concat(Directory.GetDirectories(Path.Combine(root, "autograder", "samples")).SelectMany(d => Directory.GetFiles(d, "*.ipynb")));
        return files.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public void A_course_notebook_calls_no_reference_implementation(string relativePath)
    {
        var notebook = NotebookFile.Load(Path.Combine(ScreeningNotebooks.Root, relativePath));

        var found = ReferenceCalls.Find(notebook, ScreeningNotebooks.Library);

        Assert.True(found.Count == 0, $"{relativePath}: {string.Join("; ", found)}");
    }

    [Fact]
    public void The_course_has_notebooks_of_every_kind_to_screen()
    {
        string[] paths = CourseNotebookPaths();

        Assert.Equal(6, paths.Count(p => p.StartsWith("notebooks/source/", StringComparison.Ordinal)));
        Assert.Equal(6, paths.Count(p => p.StartsWith("notebooks/student/", StringComparison.Ordinal)));
        Assert.True(paths.Count(p => p.StartsWith("autograder/samples/", StringComparison.Ordinal)) >= 30, string.Join(", ", paths));
    }
}
