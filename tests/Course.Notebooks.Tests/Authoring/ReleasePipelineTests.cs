using Course.Notebooks.Authoring;
using Course.Notebooks.Execution;
using Course.Notebooks.Format;
using Course.Notebooks.Model;
using Course.Specs.Core;

namespace Course.Notebooks.Tests.Authoring;

[Collection(SerialNotebookRuns.Name)]
public sealed class ReleasePipelineTests
{
    private static readonly string TinyTorchPath = typeof(TinyTorch.Tensor).Assembly.Location;
    private static readonly string SpecsPath = typeof(Course.Specs.ModuleSpecs).Assembly.Location;

    /// <summary>A small module source: set-up, a TensorDataset exercise, its check cell with a hidden part, a read-only cell.</summary>
    private static Notebook TensorDatasetSource()
    {
        Cell setup = SourceCells.ReadOnly(
            $"#r \"{TinyTorchPath}\"\n#r \"{SpecsPath}\"\nusing TinyTorch;\nusing TinyTorch.Data;\nusing Course.Specs;\nusing Course.Specs.Core;",
            "setup", "setup-cell");
        Cell solution = SourceCells.Solution(
            """
            public sealed class MyTensorDataset : Dataset<Tensor[]>
            {
                private readonly Tensor[] _tensors = [];

                public MyTensorDataset(Tensor[] tensors)
                {
                    // BEGIN SOLUTION TensorDataset
                    if (tensors.Length == 0) throw new ArgumentException("A TensorDataset needs at least one tensor.");
                    foreach (Tensor t in tensors)
                    {
                        if (t.Size(0) != tensors[0].Size(0)) throw new ArgumentException($"Sizes differ: {tensors[0].Size(0)} and {t.Size(0)}.");
                    }

                    _tensors = tensors;
                    // END SOLUTION
                }

                public override int Count => _tensors[0].Size(0);

                public override Tensor[] this[int index]
                {
                    get
                    {
                        int i = index < 0 ? index + Count : index;
                        if (i < 0 || i >= Count) throw new ArgumentOutOfRangeException(nameof(index), $"Index {index} is outside a dataset of Count {Count}.");
                        return _tensors.Select(t => t.Row(i)).ToArray();
                    }
                }
            }
            """,
            "tensordataset-solution");
        Cell check = SourceCells.Tests(
            "var report = ModuleSpecs.Check(\"tensordataset\", new Implementation { TensorDataset = t => new MyTensorDataset(t) });\n// BEGIN HIDDEN TESTS\nvar hiddenReport = ModuleSpecs.Check(\"tensordataset\", new Implementation { TensorDataset = t => new MyTensorDataset(t) }, includeHidden: true);\n// END HIDDEN TESTS\nreport",
            "tensordataset", points: 15);
        check.SetOutputs([Output.Stream("stdout", "instructor's run\n")]);
        check.ExecutionCount = 3;
        return SourceCells.Notebook(Cell.CreateMarkdown("# TensorDataset", "title"), setup, solution, check);
    }

    [Fact]
    public void The_default_pipeline_runs_nbgraders_steps_in_order()
    {
        Assert.Equal(
            ["CheckCellMetadata", "ClearSolutions", "RemoveHiddenTests", "ClearOutputs", "ComputeChecksums"],
            ReleasePipeline.Default.Steps.Select(step => step.Name));
    }

    [Fact]
    public void A_release_stubs_solutions_removes_hidden_tests_clears_outputs_and_adds_checksums()
    {
        Notebook source = TensorDatasetSource();
        string sourceText = IpynbWriter.Serialize(source);

        ReleaseResult result = ReleasePipeline.Default.Release(source, "02-tensordataset.ipynb");

        Notebook student = result.Student;
        Assert.Equal(sourceText, IpynbWriter.Serialize(source));
        Assert.Contains("throw new NotImplementedException(\"Exercise 'TensorDataset' is not implemented yet", student.Cells[2].Source, StringComparison.Ordinal);
        Assert.DoesNotContain("_tensors = tensors;", student.Cells[2].Source, StringComparison.Ordinal);
        Assert.DoesNotContain("hiddenReport", student.Cells[3].Source, StringComparison.Ordinal);
        Assert.DoesNotContain("HIDDEN", student.Cells[3].Source, StringComparison.Ordinal);
        Assert.Empty(student.Cells[3].Outputs);
        Assert.Null(student.Cells[3].ExecutionCount);
        Assert.All(student.Cells.Skip(1), cell => Assert.True(CellChecksum.Matches(cell)));
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(Notebook.CreatePolyglot().Metadata, student.Metadata));
        Assert.Empty(PolyglotConformance.Problems(student));
        Assert.Equal(
            [("CheckCellMetadata", 3), ("ClearSolutions", 1), ("RemoveHiddenTests", 1), ("ClearOutputs", 1), ("ComputeChecksums", 3)],
            result.Steps.Select(step => (step.Step, step.Changes)));
    }

    [Fact]
    public void A_release_is_deterministic_byte_for_byte()
    {
        string first = ReleasePipeline.Default.Release(TensorDatasetSource()).Serialize();
        string second = ReleasePipeline.Default.Release(IpynbReader.Parse(IpynbWriter.Serialize(TensorDatasetSource()))).Serialize();

        Notebook source = TensorDatasetSource();
        string third = ReleasePipeline.Default.Release(source).Serialize();
        string fourth = ReleasePipeline.Default.Release(source).Serialize();

        Assert.Equal(first, second);
        Assert.Equal(first, third);
        Assert.Equal(third, fourth);
    }

    [Fact]
    public void Releasing_a_file_names_it_in_errors()
    {
        using var folder = new TempFolder();
        string path = folder.File("broken.ipynb");
        IpynbWriter.Write(SourceCells.Notebook(SourceCells.Solution("void F()\n{\n// BEGIN SOLUTION\n}", "f")), path);

        ReleaseException error = Assert.Throws<ReleaseException>(() => ReleasePipeline.Default.ReleaseFile(path));

        Assert.Equal($"{path}: cell 1 (f): BEGIN SOLUTION on line 3 has no END SOLUTION after it", error.Message);
    }

    [Fact]
    public async Task The_stub_compiles_and_throws_NotImplementedException_naming_the_exercise()
    {
        Notebook student = ReleasePipeline.Default.Release(SourceCells.Notebook(SourceCells.Solution(
            "public static int Twice(int x)\n{\n    // BEGIN SOLUTION Twice\n    var y = x * 2;\n    return y;\n    // END SOLUTION\n}\n\npublic static int Count\n{\n    get\n    {\n        // BEGIN SOLUTION\n        return 3;\n        // END SOLUTION\n    }\n}",
            "twice"))).Student;
        using var session = new NotebookSession();

        CellExecution definition = await session.ExecuteAsync(new CellSubmission(student.Cells[0].Source));
        CellExecution call = await session.ExecuteAsync(new CellSubmission("Twice(4)"));
        CellExecution property = await session.ExecuteAsync(new CellSubmission("Count"));

        Assert.True(definition.Succeeded, definition.FailureSummary);
        Assert.Equal(ExecutionStatus.Threw, call.Status);
        Assert.Equal("System.NotImplementedException", call.Exception!.Type);
        Assert.Equal("Exercise 'Twice' is not implemented yet: replace this line with your code.", call.Exception.Message);
        Assert.Equal("Exercise 'twice' is not implemented yet: replace this line with your code.", property.Exception!.Message);
    }

    [Fact]
    public async Task Every_check_of_a_released_exercise_fails_as_not_implemented_while_the_source_passes()
    {
        Notebook source = TensorDatasetSource();
        Notebook student = ReleasePipeline.Default.Release(source).Student;
        using var folder = new TempFolder();

        NotebookRunResult sourceRun = await new NotebookRunner(new NotebookRunOptions { KeepGoing = true }).RunAsync(source, folder.Path);
        NotebookRunResult studentRun = await new NotebookRunner(new NotebookRunOptions { KeepGoing = true }).RunAsync(student, folder.Path);

        Assert.True(sourceRun.Succeeded, string.Join("; ", sourceRun.Cells.Select(c => c.FailureReason)));
        Assert.True(studentRun.Succeeded, string.Join("; ", studentRun.Cells.Select(c => c.FailureReason)));
        CheckReport passed = Assert.IsType<CheckReport>(sourceRun.Cells[^1].Execution!.ReturnValue);
        CheckReport stubbed = Assert.IsType<CheckReport>(studentRun.Cells[^1].Execution!.ReturnValue);
        Assert.NotEmpty(passed.Results);
        Assert.All(passed.Results, result => Assert.Equal(CheckStatus.Passed, result.Status));
        Assert.Equal(passed.Results.Count, stubbed.Results.Count);
        Assert.All(stubbed.Results, result =>
        {
            Assert.Equal(CheckStatus.NotImplemented, result.Status);
            Assert.Contains("Exercise 'TensorDataset' is not implemented yet", result.Message, StringComparison.Ordinal);
        });
    }
}
