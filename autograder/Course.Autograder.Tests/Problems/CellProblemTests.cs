using Course.Autograder.Problems;
using Course.Boundary;
using Course.Grading.Results;
using Course.Notebooks.Execution;

namespace Course.Autograder.Tests.Problems;

public sealed class CellProblemTests
{
    private const string Work = "/grading/work";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_compile_error_names_notebook_cell_line_and_error_code()
    {
        var cell = Failed(ExecutionStatus.CompilationFailed) with { };
        cell = cell with { Execution = cell.Execution! with { Diagnostics = [new CellDiagnostic(3, 5, "CS1525", "Invalid expression term ';'")] } };

        var (_, status, text) = Assert.Single(CellProblem.Of(CellFacts.Of("02-loader.ipynb", cell), Limit, null));

        Assert.Equal(SubmissionStatus.CompileError, status);
        Assert.Equal("Compile error in 02-loader.ipynb cell 7, line 3, column 5: error CS1525: Invalid expression term ';'", text);
    }

    [Fact]
    public void A_cell_that_ran_too_long_says_how_long_it_was_allowed()
    {
        var (_, status, text) = Assert.Single(CellProblem.Of(CellFacts.Of("02-loader.ipynb", Failed(ExecutionStatus.TimedOut)), Limit, null));

        Assert.Equal(SubmissionStatus.TimedOut, status);
        Assert.Equal("02-loader.ipynb cell 7 ran longer than 30 s and was stopped (look for a loop that never ends)", text);
    }

    [Fact]
    public void An_exception_names_its_type_message_and_line()
    {
        var (_, status, text) = Assert.Single(CellProblem.Of(CellFacts.Of("a.ipynb", Threw("System.InvalidOperationException", "boom", 2)), Limit, Work));

        Assert.Equal(SubmissionStatus.ErrorInCell, status);
        Assert.Equal("a.ipynb cell 7, line 2 threw System.InvalidOperationException: boom", text);
    }

    [Fact]
    public void Running_out_of_memory_is_its_own_status()
    {
        var (_, status, text) = Assert.Single(CellProblem.Of(CellFacts.Of("a.ipynb", Threw("System.OutOfMemoryException", "Insufficient memory", null)), Limit, null));

        Assert.Equal(SubmissionStatus.OutOfMemory, status);
        Assert.Contains("ran out of memory", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("System.Net.Sockets.SocketException", "Connection refused", "network connection")]
    [InlineData("System.IO.IOException", "Read-only file system : '/etc/x'", "outside its own folder")]
    [InlineData("System.UnauthorizedAccessException", "Access to the path '/usr/x' is denied.", "outside its own folder")]
    [InlineData("System.IO.DirectoryNotFoundException", "Could not find a part of the path '/home/other/02.ipynb'.", "outside its own folder")]
    public void In_the_sandbox_refused_file_and_network_access_is_the_sandbox_s_doing(string type, string message, string says)
    {
        var (_, status, text) = Assert.Single(CellProblem.Of(CellFacts.Of("a.ipynb", Threw(type, message, 1)), Limit, Work));

        Assert.Equal(SubmissionStatus.BlockedBySandbox, status);
        Assert.Contains(says, text, StringComparison.Ordinal);
        Assert.Contains(message, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("System.Net.Sockets.SocketException", "Connection refused", null)]
    [InlineData("System.IO.FileNotFoundException", "Could not find file '/grading/work/notebooks/data.bin'.", Work)]
    public void Outside_the_sandbox_or_inside_the_work_folder_it_is_a_plain_error(string type, string message, string? work)
    {
        var (_, status, _) = Assert.Single(CellProblem.Of(CellFacts.Of("a.ipynb", Threw(type, message, 1)), Limit, work));

        Assert.Equal(SubmissionStatus.ErrorInCell, status);
    }

    [Fact]
    public void A_cell_that_passed_but_flooded_its_output_is_reported_as_capped()
    {
        var passed = new CellRunResult(4, CellOutcome.Passed, new CellExecution(1, 4, ExecutionStatus.Succeeded, [], TimeSpan.Zero) { OutputCut = true }, null);

        var (_, status, text) = Assert.Single(CellProblem.Of(CellFacts.Of("a.ipynb", passed), Limit, null));

        Assert.Equal(SubmissionStatus.OutputCapped, status);
        Assert.StartsWith("a.ipynb cell 4 printed more output than the grader keeps", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_that_passed_has_no_problem()
    {
        var passed = new CellRunResult(4, CellOutcome.Passed, new CellExecution(1, 4, ExecutionStatus.Succeeded, [], TimeSpan.Zero), null);

        Assert.Empty(CellProblem.Of(CellFacts.Of("a.ipynb", passed), Limit, null));
    }

    private static CellRunResult Failed(ExecutionStatus status) =>
        new(7, CellOutcome.Failed, new CellExecution(3, 7, status, [], TimeSpan.Zero), "failed");

    private static CellRunResult Threw(string type, string message, int? line)
    {
        var cell = Failed(ExecutionStatus.Threw);
        return cell with { Execution = cell.Execution! with { Exception = new CellExceptionInfo(type, message, [], line) } };
    }
}
