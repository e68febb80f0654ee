using Course.Notebooks.Execution;
using Course.Notebooks.Execution.Magic;

namespace Course.Notebooks.Tests.Execution;

/// <summary>The engine's directive rules as other tools see them: blanked lines, and the same verdict as a run.</summary>
public sealed class CellDirectivesTests
{
    [Fact]
    public void Magic_and_reference_lines_become_blank_and_line_numbers_stay()
    {
        var (code, accepted) = CellDirectives.Blank("#!time\n#r \"../lib/TinyTorch.dll\"\nvar x = 1;\r\n#r \"nuget: Foo, 1.0\"\nx");

        Assert.True(accepted);
        Assert.Equal("\n\nvar x = 1;\n\nx", code);
    }

    [Theory]
    [InlineData("#!fsharp\nlet x = 1")]
    [InlineData("#!time 3\n1")]
    [InlineData("#!whatever\n1")]
    public async Task A_cell_the_engine_refuses_is_refused_here_too(string source)
    {
        var (_, accepted) = CellDirectives.Blank(source);
        using var session = new NotebookSession();
        CellExecution run = await session.ExecuteAsync(source);

        Assert.False(accepted);
        Assert.Equal(ExecutionStatus.CompilationFailed, run.Status);
    }

    [Fact]
    public void A_null_cell_is_refused_naming_the_parameter()
    {
        var e = Assert.Throws<ArgumentNullException>(() => CellDirectives.Blank(null!));
        Assert.Equal("source", e.ParamName);
    }
}
