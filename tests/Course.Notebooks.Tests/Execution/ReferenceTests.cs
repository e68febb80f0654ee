using Course.Notebooks.Execution;
using Course.Notebooks.Format;
using Course.Notebooks.Model;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Execution;

public sealed class ReferenceTests
{
    private static readonly string TinyTorchPath = typeof(TinyTorch.Tensor).Assembly.Location;

    [Fact]
    public async Task A_locally_built_library_can_be_referenced_by_absolute_path()
    {
        using var folder = new TempFolder();
        string path = folder.File("tensors.ipynb");
        Notebook notebook = Notebook.CreatePolyglot();
        notebook.Cells.Add(Cell.CreateCode($"#r \"{TinyTorchPath}\"\nusing TinyTorch;", "c1"));
        notebook.Cells.Add(Cell.CreateCode("var t = Tensor.Zeros(2, 3);\nt.Shape.Aggregate(1, (a, b) => a * b)", "c2"));
        IpynbWriter.Write(notebook, path);

        NotebookRunResult run = await new NotebookRunner().RunAsync(IpynbReader.Read(path), folder.Path);

        Assert.True(run.Succeeded, string.Join("; ", run.Cells.Select(c => c.FailureReason)));
        Assert.Equal("6", run.Executed.Cells[1].Outputs.Single().Data!.Shown());
    }

    [Fact]
    public async Task A_relative_reference_starts_at_the_notebooks_folder()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("lib"));
        File.Copy(TinyTorchPath, folder.File(Path.Combine("lib", "TinyTorch.dll")));
        Notebook notebook = Notebook.CreatePolyglot();
        notebook.Cells.Add(Cell.CreateCode("#r \"lib/TinyTorch.dll\"\nTinyTorch.Tensor.Scalar(2.5f).Rank", "c1"));

        NotebookRunResult run = await new NotebookRunner().RunAsync(notebook, folder.Path);

        Assert.True(run.Succeeded, run.Cells[0].FailureReason);
        Assert.Equal("0", run.Executed.Cells[0].Outputs.Single().Data!.Shown());
    }

    [Fact]
    public async Task Concurrent_sessions_with_different_references_stay_consistent()
    {
        // Regression: sessions once shared metadata references, and a session compiling with #r at the same
        // time could make another session's later cell see different core types than its earlier cells.
        for (int round = 0; round < 3; round++)
        {
            Task<CellExecution[]>[] sessions =
            [
                RunCells($"#r \"{TinyTorchPath}\"\nvar t = TinyTorch.Tensor.Zeros(2);", "t.Length"),
                RunCells("var numbers = Enumerable.Range(1, 4).ToArray();", "numbers.Sum()"),
                RunCells($"#r \"{TinyTorchPath}\"\nvar u = TinyTorch.Tensor.Scalar(1f);", "u.Rank"),
                RunCells("var words = new List<string> { \"a\" };", "words.Count()"),
            ];

            CellExecution[][] results = await Task.WhenAll(sessions);

            Assert.All(results.SelectMany(r => r), r => Assert.True(r.Succeeded, r.FailureSummary));
        }
    }

    [Fact]
    public async Task Cells_before_and_after_a_reference_share_their_types()
    {
        CellExecution[] results = await RunCells(
            "var numbers = Enumerable.Range(1, 4).ToArray();",
            $"#r \"{TinyTorchPath}\"\nvar t = TinyTorch.Tensor.Zeros(numbers.Length);",
            "#r \"nuget: Microsoft.CodeAnalysis.Common\"\nnumbers.Sum() + t.Length");

        Assert.All(results, r => Assert.True(r.Succeeded, r.FailureSummary));
        Assert.Equal(14, results[2].ReturnValue);
    }

    private static async Task<CellExecution[]> RunCells(params string[] cells)
    {
        await Task.Yield();
        using var session = new NotebookSession();
        var results = new List<CellExecution>();
        foreach (string cell in cells)
        {
            results.Add(await session.ExecuteAsync(cell));
        }

        return [.. results];
    }
}
