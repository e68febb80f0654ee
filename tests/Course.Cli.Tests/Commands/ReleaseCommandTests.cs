using Course.Cli.Commands;
using Course.Notebooks.Authoring;
using Course.Notebooks.Format;
using Course.Notebooks.Model;

namespace Course.Cli.Tests.Commands;

public sealed class ReleaseCommandTests
{
    [Fact]
    public async Task Release_writes_the_student_notebook_and_leaves_the_source_untouched()
    {
        using var folder = new TempFolder();
        string source = ExerciseNotebooks.WriteSource(folder.File("source/02-tensordataset.ipynb"), ExerciseNotebooks.CorrectSolution);
        byte[] before = File.ReadAllBytes(source);
        string student = folder.File("student/02-tensordataset.ipynb");

        CliRun run = await CliRun.Of("release", source, "--out", folder.File("student"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains($"released  {source} -> {student} (CheckCellMetadata 3, ClearSolutions 2, RemoveHiddenTests 1, ClearOutputs 1, ComputeChecksums 3)", run.Output, StringComparison.Ordinal);
        Assert.Equal("1 released (1 written, 0 unchanged)", run.LastLine);
        Assert.Equal(before, File.ReadAllBytes(source));
        Notebook released = IpynbReader.Read(student);
        Assert.Contains("throw new NotImplementedException(\"Exercise 'TensorDataset constructor' is not implemented yet", released.Cells[2].Source, StringComparison.Ordinal);
        Assert.Contains("throw new NotImplementedException(\"Exercise 'TensorDataset indexer' is not implemented yet", released.Cells[2].Source, StringComparison.Ordinal);
        Assert.DoesNotContain("instructorOnly", released.Cells[3].Source, StringComparison.Ordinal);
        Assert.Empty(released.Cells[3].Outputs);
        Assert.Equal(ReleasePipeline.Default.ReleaseFile(source).Serialize(), File.ReadAllText(student));
    }

    [Fact]
    public async Task Releasing_again_is_byte_identical_and_replaces_an_outdated_release()
    {
        using var folder = new TempFolder();
        string source = ExerciseNotebooks.WriteSource(folder.File("source/ex.ipynb"), ExerciseNotebooks.CorrectSolution);
        string student = folder.File("student/ex.ipynb");
        await CliRun.Of("release", source, "--out", folder.File("student"));
        byte[] first = File.ReadAllBytes(student);

        CliRun again = await CliRun.Of("release", source, "--out", folder.File("student"));
        File.WriteAllText(student, "{}");
        CliRun replaced = await CliRun.Of("release", source, "--out", folder.File("student"));

        Assert.StartsWith("unchanged ", again.Output, StringComparison.Ordinal);
        Assert.Equal("1 released (0 written, 1 unchanged)", again.LastLine);
        Assert.Equal(0, replaced.ExitCode);
        Assert.Equal(first, File.ReadAllBytes(student));
    }

    [Fact]
    public async Task A_bad_marker_is_reported_naming_file_and_cell_and_nothing_is_written()
    {
        using var folder = new TempFolder();
        string good = ExerciseNotebooks.WriteSource(folder.File("source/a.ipynb"), ExerciseNotebooks.CorrectSolution);
        string bad = ExerciseNotebooks.WriteSource(folder.File("source/b.ipynb"),
            ExerciseNotebooks.CorrectSolution.Replace("        // END SOLUTION\n    }\n\n    public override int Count", "    }\n\n    public override int Count", StringComparison.Ordinal));

        CliRun run = await CliRun.Of("release", good, bad, "--out", folder.File("student"));

        Assert.Equal(ReleaseCommand.ExitBadInput, run.ExitCode);
        Assert.Contains($"error: {bad}: cell 3 (tensordataset-impl): BEGIN SOLUTION on line ", run.Error, StringComparison.Ordinal);
        Assert.Contains("is inside the region BEGIN SOLUTION opened on line 7; regions cannot nest", run.Error, StringComparison.Ordinal);
        Assert.Equal("nothing written: 1 of 2 notebooks could be released; fix the errors above", run.LastLine);
        Assert.False(Directory.Exists(folder.File("student")));
    }

    [Fact]
    public async Task Release_refuses_to_write_into_the_sources_folder()
    {
        using var folder = new TempFolder();
        string source = ExerciseNotebooks.WriteSource(folder.File("source/ex.ipynb"), ExerciseNotebooks.CorrectSolution);
        byte[] before = File.ReadAllBytes(source);

        CliRun run = await CliRun.Of("release", source, "--out", folder.File("source"));

        Assert.Equal(ReleaseCommand.ExitBadInput, run.ExitCode);
        Assert.Contains("would replace the source", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(source));
    }

    [Fact]
    public async Task Release_never_replaces_a_file_that_is_an_instructor_source()
    {
        using var folder = new TempFolder();
        string source = ExerciseNotebooks.WriteSource(folder.File("source/ex.ipynb"), ExerciseNotebooks.CorrectSolution);
        string otherSource = ExerciseNotebooks.WriteSource(folder.File("elsewhere/ex.ipynb"), ExerciseNotebooks.CorrectSolution);
        byte[] before = File.ReadAllBytes(otherSource);

        CliRun run = await CliRun.Of("release", source, "--out", folder.File("elsewhere"));

        Assert.Equal(ReleaseCommand.ExitBadInput, run.ExitCode);
        Assert.Contains("is an instructor source, not an earlier release", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(otherSource));
    }
}
