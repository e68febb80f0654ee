using Course.Notebooks.Tests.Support;
using Course.Notebooks.Execution;
using Course.Notebooks.Model;

namespace Course.Notebooks.Tests.Execution;

public sealed class SessionStateTests
{
    [Fact]
    public async Task Variables_methods_and_types_carry_over_from_cell_to_cell()
    {
        using var session = new NotebookSession();

        CellExecution first = await session.ExecuteAsync("var batchSize = 32;\nint Batches(int n) => (n + batchSize - 1) / batchSize;\nrecord Sample(int Index, float Value);");
        CellExecution second = await session.ExecuteAsync("var samples = Enumerable.Range(0, 100).Select(i => new Sample(i, i / 2f)).ToList();\nBatches(samples.Count)");

        Assert.True(first.Succeeded, first.FailureSummary);
        Assert.True(second.Succeeded, second.FailureSummary);
        Assert.Equal(4, second.ReturnValue);
        Assert.Equal("4", second.Outputs.Single().Data!.Shown());
        Assert.Equal([1, 2], new[] { first.ExecutionCount, second.ExecutionCount });
        Assert.True(session.TryGetVariable("batchSize", out object? value));
        Assert.Equal(32, value);
        Assert.Contains("samples", session.VariableNames);
    }

    [Fact]
    public async Task A_cell_can_reassign_and_await()
    {
        using var session = new NotebookSession();
        await session.ExecuteAsync("var total = 1;");

        CellExecution result = await session.ExecuteAsync("total += await Task.Run(() => 41);\ntotal");

        Assert.Equal(42, result.ReturnValue);
    }

    [Fact]
    public async Task A_cell_without_a_trailing_expression_has_no_result()
    {
        using var session = new NotebookSession();

        CellExecution statement = await session.ExecuteAsync("var x = 3;");
        CellExecution voidCall = await session.ExecuteAsync("Console.Write(string.Empty)");
        CellExecution nullValue = await session.ExecuteAsync("(string)null");

        Assert.False(statement.HasReturnValue);
        Assert.Empty(statement.Outputs);
        Assert.False(voidCall.HasReturnValue);
        Assert.Empty(voidCall.Outputs);
        Assert.True(nullValue.HasReturnValue);
        Assert.Equal("<null>", nullValue.Outputs.Single().Data!.Shown());
    }

    [Fact]
    public async Task Variables_assigned_before_an_exception_are_kept()
    {
        using var session = new NotebookSession();

        CellExecution failed = await session.ExecuteAsync("var before = 5;\nthrow new InvalidOperationException(\"boom\");");
        CellExecution after = await session.ExecuteAsync("before * 2");

        Assert.Equal(ExecutionStatus.Threw, failed.Status);
        Assert.Equal(10, after.ReturnValue);
    }

    [Fact]
    public async Task A_cell_that_does_not_compile_changes_nothing()
    {
        using var session = new NotebookSession();
        await session.ExecuteAsync("var kept = 1;");

        CellExecution broken = await session.ExecuteAsync("var lost = 2;\nkept = undefinedName;");
        CellExecution after = await session.ExecuteAsync("kept");

        Assert.Equal(ExecutionStatus.CompilationFailed, broken.Status);
        Assert.Equal(1, after.ReturnValue);
        Assert.DoesNotContain("lost", session.VariableNames);
    }

    [Fact]
    public async Task Default_imports_are_the_real_kernels_and_no_more()
    {
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync("var sb = new StringBuilder(\"a\");\nvar list = new List<int> { 1 };\nvar old = new ArrayList();\nawait Task.Yield();\nstring.Concat(sb.ToString(), list.First().ToString())");
        CellExecution io = await session.ExecuteAsync("Path.Combine(\"a\", \"b\")");
        CellExecution threading = await session.ExecuteAsync("Thread.Sleep(1);");

        Assert.True(result.Succeeded, result.FailureSummary);
        Assert.Equal("a1", result.ReturnValue);
        Assert.Equal("CS0103", io.Diagnostics.Single().Id);
        Assert.Equal("CS0103", threading.Diagnostics.Single().Id);
    }

    [Fact]
    public async Task The_completion_seam_compiles_against_the_session_state()
    {
        using var session = new NotebookSession();
        await session.ExecuteAsync("var loader = new List<string>();");

        Microsoft.CodeAnalysis.Compilation compilation = session.GetCompilation("loader.");
        Microsoft.CodeAnalysis.SyntaxTree tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var symbols = model.LookupSymbols(tree.Length);

        Assert.Contains(symbols, symbol => symbol.Name == "loader");
    }

    [Fact]
    public async Task A_disposed_session_refuses_work()
    {
        var session = new NotebookSession();
        session.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => session.ExecuteAsync("1"));
    }
}
