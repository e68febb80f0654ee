using Course.Notebooks.Execution;
using Course.Notebooks.Model;

namespace Course.Notebooks.Tests.Execution;

public sealed class ErrorTests
{
    [Fact]
    public async Task A_compile_error_names_cell_line_column_and_code()
    {
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync(new CellSubmission("var a = 1;\nvar b = a + missing;") { CellNumber = 7 });

        Assert.Equal(ExecutionStatus.CompilationFailed, result.Status);
        CellDiagnostic diagnostic = result.Diagnostics.Single();
        Assert.Equal((2, 13, "CS0103"), (diagnostic.Line, diagnostic.Column, diagnostic.Id));
        Assert.Equal("cell 7, line 2, column 13: error CS0103: The name 'missing' does not exist in the current context", result.FailureSummary);
    }

    [Fact]
    public async Task A_compile_error_shows_what_the_real_kernel_shows()
    {
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync("var a = 1;\nvar b = a + missing;");

        Assert.Equal([OutputKind.Stream, OutputKind.Error], result.Outputs.Select(o => o.Kind));
        Assert.Equal("stderr", result.Outputs[0].StreamName);
        Assert.Equal("\n(2,13): error CS0103: The name 'missing' does not exist in the current context\n\n", result.Outputs[0].Text);
        Assert.Equal(("Error", "compilation error"), (result.Outputs[1].ErrorName, result.Outputs[1].ErrorValue));
        Assert.Empty(result.Outputs[1].Traceback);
    }

    [Fact]
    public async Task After_a_magic_line_compile_errors_are_numbered_as_the_real_kernel_numbers_them()
    {
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync("#!time\nundefinedX");

        Assert.Equal(2, result.Diagnostics.Single().Line);
        Assert.StartsWith("\n(1,1): error CS0103:", result.Outputs[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_compile_errors_are_all_listed()
    {
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync("int x = \"text\";\nundefined();");

        Assert.Equal(["CS0029", "CS0103"], result.Diagnostics.Select(d => d.Id));
        Assert.Equal(2, result.Outputs[0].Text!.Split(": error ").Length - 1);
        Assert.EndsWith("(and 1 more)", result.FailureSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_runtime_exception_reports_type_message_and_the_notebooks_own_frames()
    {
        using var session = new NotebookSession();
        await session.ExecuteAsync(new CellSubmission("int Divide(int a, int b)\n{\n    return a / b;\n}") { CellNumber = 2 });

        CellExecution result = await session.ExecuteAsync(new CellSubmission("var zero = 0;\nvar q = Divide(1, zero);") { CellNumber = 4 });

        Assert.Equal(ExecutionStatus.Threw, result.Status);
        CellExceptionInfo exception = result.Exception!;
        Assert.Equal("System.DivideByZeroException", exception.Type);
        Assert.Equal("Attempted to divide by zero.", exception.Message);
        Assert.Equal(["at Divide(Int32, Int32) in cell 2, line 3", "at cell 4, line 2"], exception.StackTrace);
        Assert.Equal(2, exception.Line);
        Output error = result.Outputs.Single();
        Assert.Equal("System.DivideByZeroException", error.ErrorName);
        Assert.Equal(
            ["System.DivideByZeroException: Attempted to divide by zero.", "   at Divide(Int32, Int32) in cell 2, line 3", "   at cell 4, line 2"],
            error.Traceback);
        Assert.Equal("cell 4, line 2: System.DivideByZeroException: Attempted to divide by zero.", result.FailureSummary);
    }

    [Fact]
    public async Task Output_written_before_an_exception_is_kept_before_the_error()
    {
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync("Console.WriteLine(\"loading\");\nthrow new System.IO.FileNotFoundException(\"cifar.bin missing\");");

        Assert.Equal([OutputKind.Stream, OutputKind.Error], result.Outputs.Select(o => o.Kind));
        Assert.Equal("System.IO.FileNotFoundException: cifar.bin missing", result.Outputs[1].Traceback[0]);
    }

    [Theory]
    [InlineData("#!who", "DNI101", "Unknown magic command '#!who'")]
    [InlineData("#!fsharp", "NB0001", "'#!fsharp' switches to the fsharp kernel; this engine runs C# only")]
    [InlineData("#!time 5", "NB0001", "#!time takes no arguments (got '5')")]
    public async Task A_magic_command_the_engine_does_not_support_is_an_error_naming_it(string line, string id, string message)
    {
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync(new CellSubmission($"var x = 1;\n{line}\nx") { CellNumber = 3 });

        Assert.Equal(ExecutionStatus.CompilationFailed, result.Status);
        Assert.Equal($"cell 3, line 2, column 1: error {id}: {message}", result.FailureSummary);
        Output error = result.Outputs.Single();
        Assert.Equal($"(2,1): error {id}: {message}", error.ErrorValue);
        Assert.Equal([$"(2,1): error {id}: {message}"], error.Traceback);
    }

    [Fact]
    public async Task Hash_bang_csharp_on_the_first_line_is_accepted_and_lines_keep_their_numbers()
    {
        using var session = new NotebookSession();

        CellExecution ok = await session.ExecuteAsync("#!csharp\n6 * 7");
        CellExecution broken = await session.ExecuteAsync("#!csharp\nnope");

        Assert.Equal(42, ok.ReturnValue);
        Assert.Equal(2, broken.Diagnostics.Single().Line);
    }

    [Fact]
    public async Task Hash_bang_time_prints_the_wall_time_like_dotnet_interactive()
    {
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync("#!time\nSystem.Threading.Thread.Sleep(20);\n1");

        Assert.Equal([OutputKind.ExecuteResult, OutputKind.DisplayData], result.Outputs.Select(o => o.Kind));
        string text = result.Outputs[1].Data!.Text!;
        Assert.Matches(@"^Wall time: \d+(\.\d+)?ms$", text);
        Assert.True(double.Parse(text["Wall time: ".Length..^2]) >= 20);
    }

    [Fact]
    public async Task A_missing_reference_file_is_an_error_naming_it()
    {
        using var session = new NotebookSession(new NotebookSessionOptions { BaseDirectory = Path.GetTempPath() });

        CellExecution result = await session.ExecuteAsync(new CellSubmission("#r \"lib/Nowhere.dll\"\n1") { CellNumber = 1 });

        Assert.Equal(ExecutionStatus.CompilationFailed, result.Status);
        string expectedPath = Path.Combine(Path.GetTempPath(), "lib", "Nowhere.dll");
        Assert.Equal($"cell 1, line 1, column 1: error CS0006: Metadata file 'lib/Nowhere.dll' could not be found (looked for {expectedPath}; relative paths start at the notebook's folder)", result.FailureSummary);
        Assert.Equal("\n(1,1): error CS0006: Metadata file 'lib/Nowhere.dll' could not be found\n\n", result.Outputs[0].Text);
    }

    [Fact]
    public async Task A_NuGet_reference_fails_clearly_when_the_package_is_not_available_offline()
    {
        using var session = new NotebookSession(new NotebookSessionOptions { NuGetPackageFolder = Path.Combine(Path.GetTempPath(), "empty-nuget-" + Guid.NewGuid().ToString("N")) });

        CellExecution result = await session.ExecuteAsync("#r \"nuget: Plotly.NET, 6.0.0\"");

        Assert.Equal(CellDiagnostic.NuGetUnavailable, result.Diagnostics.Single().Id);
        Assert.Contains("NuGet package Plotly.NET 6.0.0 is not available offline: the engine does not download packages", result.FailureSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_NuGet_reference_resolves_from_the_local_package_folder()
    {
        // The engine's own dependency is in the local package folder on every machine that built the tests.
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync("#r \"nuget: Microsoft.CodeAnalysis.Common\"\ntypeof(Microsoft.CodeAnalysis.SyntaxTree).Name");

        Assert.True(result.Succeeded, result.FailureSummary);
        Assert.Equal("SyntaxTree", result.ReturnValue);
    }
}
