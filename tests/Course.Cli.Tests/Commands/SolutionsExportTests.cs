using Course.Notebooks.Authoring;
using Course.Notebooks.Format;
using Course.Notebooks.Model;

namespace Course.Cli.Tests.Commands;

/// <summary>
/// Issue #19: <c>course release --solutions</c>, the instructors' solutions notebooks: the answers kept without their
/// markers, hidden tests and outputs gone, and never written over a student notebook.
/// </summary>
public sealed class SolutionsExportTests
{
    [Fact]
    public async Task The_solutions_keep_the_answers_without_markers_and_drop_the_hidden_tests()
    {
        using var folder = new TempFolder();
        string source = ExerciseNotebooks.WriteSource(folder.File("source/02-tensordataset.ipynb"), ExerciseNotebooks.CorrectSolution);
        string solutions = folder.File("solutions/02-tensordataset.ipynb");

        CliRun run = await CliRun.Of("release", "--solutions", source, "--out", folder.File("solutions"));

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Contains($"released  {source} -> {solutions} (CheckCellMetadata 3, KeepSolutions 2, RemoveHiddenTests 1, ClearOutputs 1)", run.Output, StringComparison.Ordinal);
        Assert.Equal("1 solutions notebooks (1 written, 0 unchanged)", run.LastLine);
        Notebook written = IpynbReader.Read(solutions);
        Assert.Contains("int i = index < 0 ? index + Count : index;", written.Cells[2].Source, StringComparison.Ordinal);
        Assert.DoesNotContain("SOLUTION", written.Cells[2].Source, StringComparison.Ordinal);
        Assert.DoesNotContain(ClearSolutions.NotImplementedPhrase, written.Cells[2].Source, StringComparison.Ordinal);
        Assert.DoesNotContain("instructorOnly", written.Cells[3].Source, StringComparison.Ordinal);
        Assert.Empty(written.Cells[3].Outputs);
    }

    [Fact]
    public async Task The_solutions_are_never_written_over_a_student_notebook()
    {
        using var folder = new TempFolder();
        string source = ExerciseNotebooks.WriteSource(folder.File("source/ex.ipynb"), ExerciseNotebooks.CorrectSolution);
        await CliRun.Of("release", source, "--out", folder.File("student"));
        byte[] student = File.ReadAllBytes(folder.File("student/ex.ipynb"));

        CliRun run = await CliRun.Of("release", "--solutions", source, "--out", folder.File("student"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {source}: {folder.File("student/ex.ipynb")} is a student notebook (it holds the exercises' stubs); the solutions are not written over it: choose another folder with --out\n", run.Error);
        Assert.Equal(student, File.ReadAllBytes(folder.File("student/ex.ipynb")));
    }

    [Fact]
    public void A_solution_marker_outside_a_solution_cell_is_refused_as_the_release_refuses_it()
    {
        var notebook = Notebook.CreatePolyglot();
        notebook.Cells.Add(Cell.CreateCode("// BEGIN SOLUTION\nvar x = 1;\n// END SOLUTION", "plain"));

        var e = Assert.Throws<ReleaseException>(() => ReleasePipeline.Solutions.Release(notebook, "src.ipynb"));

        Assert.Contains("is in a cell that is not a solution cell", e.Message, StringComparison.Ordinal);
        Assert.Contains("src.ipynb", e.Message, StringComparison.Ordinal);
    }
}
