using Course.Notebooks.Authoring;
using Course.Notebooks.Format;

namespace Course.Notebooks.Tests.Authoring;

public sealed class ReleasePlanTests
{
    private static string WriteSource(TempFolder folder, string name, string solution = "return 1;")
    {
        string path = folder.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        IpynbWriter.Write(SourceCells.Notebook(SourceCells.Solution($"int F()\n{{\n    // BEGIN SOLUTION\n    {solution}\n    // END SOLUTION\n}}", "f")), path);
        return path;
    }

    [Fact]
    public void Every_source_is_released_in_memory_and_nothing_is_written()
    {
        using var folder = new TempFolder();
        string source = WriteSource(folder, "source/a.ipynb");
        string output = folder.File("student");

        ReleasePlan plan = ReleasePlan.Prepare([source], output, solutions: false);
        ReleasePlan solutions = ReleasePlan.Prepare([source], output, solutions: true);

        Assert.Empty(plan.Errors);
        ReleaseTarget target = Assert.Single(plan.Targets);
        Assert.Equal(Path.Combine(output, "a.ipynb"), target.Output);
        Assert.Contains(ClearSolutions.NotImplementedPhrase, target.Result.Serialize(), StringComparison.Ordinal);
        Assert.DoesNotContain(ClearSolutions.NotImplementedPhrase, Assert.Single(solutions.Targets).Result.Serialize(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
        Assert.StartsWith($"released  {source} -> {target.Output} (CheckCellMetadata ", target.ReportLine(unchanged: false), StringComparison.Ordinal);
        Assert.StartsWith("unchanged ", target.ReportLine(unchanged: true), StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_is_written_when_its_file_holds_the_release_byte_for_byte()
    {
        using var folder = new TempFolder();
        ReleaseTarget target = Assert.Single(ReleasePlan.Prepare([WriteSource(folder, "source/a.ipynb")], folder.File("student"), solutions: false).Targets);
        Directory.CreateDirectory(folder.File("student"));

        Assert.False(target.IsWritten());
        File.WriteAllText(target.Output, target.Result.Serialize() + " ");
        Assert.False(target.IsWritten());
        File.WriteAllText(target.Output, target.Result.Serialize());
        Assert.True(target.IsWritten());
    }

    [Fact]
    public void A_source_that_cannot_be_released_or_written_is_an_error_naming_it()
    {
        using var folder = new TempFolder();
        string good = WriteSource(folder, "source/a.ipynb");
        string broken = folder.File("source/b.ipynb");
        IpynbWriter.Write(SourceCells.Notebook(SourceCells.Solution("void F()\n{\n// BEGIN SOLUTION\n}", "f")), broken);
        string twin = WriteSource(folder, "other/a.ipynb");

        ReleasePlan plan = ReleasePlan.Prepare([good, broken, twin], folder.File("student"), solutions: false);

        Assert.Equal(good, Assert.Single(plan.Targets).Source);
        Assert.Equal(2, plan.Errors.Count);
        Assert.Equal($"{broken}: cell 1 (f): BEGIN SOLUTION on line 3 has no END SOLUTION after it", plan.Errors[0]);
        Assert.StartsWith($"{twin}: its student notebook ", plan.Errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_sources_of_a_folder_are_its_notebooks_in_order()
    {
        using var folder = new TempFolder();
        WriteSource(folder, "source/b.ipynb");
        WriteSource(folder, "source/a.ipynb");
        File.WriteAllText(folder.File("source/notes.md"), "");

        Assert.Equal([folder.File("source/a.ipynb"), folder.File("source/b.ipynb")], ReleasePlan.SourcesIn(folder.File("source")));
    }

    [Fact]
    public void A_missing_or_empty_sources_folder_is_refused_naming_it()
    {
        using var folder = new TempFolder();
        string missing = folder.File("nowhere");

        var absent = Assert.Throws<DirectoryNotFoundException>(() => ReleasePlan.SourcesIn(missing));
        var empty = Assert.Throws<FileNotFoundException>(() => ReleasePlan.SourcesIn(folder.Path));

        Assert.Equal($"{missing} does not exist; run from the repository root or name the sources", absent.Message);
        Assert.Equal($"{folder.Path} has no .ipynb notebooks", empty.Message);
        Assert.Throws<ArgumentException>(() => ReleasePlan.Prepare([], "", solutions: false));
    }
}
