using Course.Notebooks.Authoring;

namespace Course.Notebooks.Tests.Authoring;

public sealed class ReleaseOutputGuardTests
{
    [Fact]
    public void A_source_must_be_an_ipynb_notebook()
    {
        Assert.Null(ReleaseOutputGuard.NotANotebook("a.IPYNB"));
        Assert.Equal("an instructor source must be an .ipynb notebook", ReleaseOutputGuard.NotANotebook("a.dib"));
    }

    [Fact]
    public void The_output_folder_may_not_be_the_sources_own()
    {
        using var folder = new TempFolder();
        string source = folder.File("a.ipynb");

        Assert.Null(ReleaseOutputGuard.IntoTheSourceFolder(source, folder.File("student")));
        Assert.Equal(
            $"the student notebook would replace the source (the output folder {folder.Path} is the source's folder); choose another folder with --out",
            ReleaseOutputGuard.IntoTheSourceFolder(source, folder.Path + Path.DirectorySeparatorChar));
    }

    [Fact]
    public void Two_sources_may_not_share_a_release()
    {
        using var folder = new TempFolder();
        string output = folder.File("a.ipynb");
        var claimed = new Dictionary<string, string> { [output] = "one/a.ipynb" };

        Assert.Null(ReleaseOutputGuard.AlreadyClaimed(folder.File("b.ipynb"), claimed));
        Assert.Equal($"its student notebook {output} would replace the one released from one/a.ipynb; source file names must differ",
            ReleaseOutputGuard.AlreadyClaimed(output, claimed));
    }

    [Theory]
    [InlineData("// BEGIN SOLUTION", true)]
    [InlineData("// BEGIN HIDDEN TESTS", true)]
    [InlineData("throw new NotImplementedException();", false)]
    public void A_file_with_markers_is_a_source_and_is_never_replaced(string content, bool refused)
    {
        using var folder = new TempFolder();
        string output = folder.File("a.ipynb");
        File.WriteAllText(output, content);

        string? refusal = ReleaseOutputGuard.OverAnInstructorSource(output);

        Assert.Equal(refused ? $"{output} holds solution or hidden-test markers, so it is an instructor source, not an earlier release; it is not replaced" : null, refusal);
        Assert.Null(ReleaseOutputGuard.OverAnInstructorSource(folder.File("missing.ipynb")));
    }

    [Fact]
    public void The_solutions_are_never_written_over_a_student_notebook()
    {
        using var folder = new TempFolder();
        string student = folder.File("student.ipynb");
        File.WriteAllText(student, $"throw new NotImplementedException(\"Exercise 'x' {ClearSolutions.NotImplementedPhrase}\");");
        string solutions = folder.File("solutions.ipynb");
        File.WriteAllText(solutions, "return 42;");

        Assert.Null(ReleaseOutputGuard.SolutionsOverAStudentNotebook(solutions));
        Assert.Equal(
            $"{student} is a student notebook (it holds the exercises' stubs); the solutions are not written over it: choose another folder with --out",
            ReleaseOutputGuard.SolutionsOverAStudentNotebook(student));
    }

    [Fact]
    public void An_empty_path_is_refused()
    {
        Assert.Equal("outputPath", Assert.Throws<ArgumentException>(() => ReleaseOutputGuard.OverAnInstructorSource("")).ParamName);
        Assert.Equal("claimed", Assert.Throws<ArgumentNullException>(() => ReleaseOutputGuard.AlreadyClaimed("a.ipynb", null!)).ParamName);
    }
}
