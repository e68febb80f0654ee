using System.Diagnostics;
using Course.Notebooks.Execution;
using Course.Notebooks.Model;

namespace Course.Notebooks.Tests.Execution;

public sealed class TimeoutTests
{
    [Fact]
    public async Task An_endless_cell_is_stopped_at_its_timeout_and_the_session_goes_on()
    {
        using var session = new NotebookSession(new NotebookSessionOptions { CellTimeout = TimeSpan.FromMilliseconds(500) });
        await session.ExecuteAsync("var before = 1;");
        var clock = Stopwatch.StartNew();

        // Spins without looking at the token, like an endless loop, but ends after a few seconds so the
        // abandoned thread does not slow the rest of the test run.
        CellExecution stuck = await session.ExecuteAsync(new CellSubmission("var inside = 2;\nvar until = DateTime.UtcNow.AddSeconds(4);\nwhile (DateTime.UtcNow < until) { }") { CellNumber = 2 });
        TimeSpan waited = clock.Elapsed;
        CellExecution after = await session.ExecuteAsync("before + 1");

        Assert.Equal(ExecutionStatus.TimedOut, stuck.Status);
        Assert.InRange(waited, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(20));
        Output error = stuck.Outputs.Single();
        Assert.Equal("TimeoutException", error.ErrorName);
        Assert.Equal("cell 2 did not finish within 500 ms and was stopped", error.ErrorValue);
        Assert.Equal("cell 2 did not finish within 500 ms and was stopped", stuck.FailureSummary);
        Assert.Equal(2, after.ReturnValue);
        Assert.DoesNotContain("inside", session.VariableNames);
    }

    [Fact]
    public async Task The_caller_can_cancel_a_running_cell()
    {
        using var session = new NotebookSession();
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        CellExecution result = await session.ExecuteAsync("System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);", interrupt.Token);

        Assert.Equal(ExecutionStatus.Cancelled, result.Status);
        Assert.Equal("OperationCanceledException", result.Outputs.Single().ErrorName);
    }

    [Fact]
    public async Task Output_from_an_abandoned_cell_does_not_leak_into_later_cells()
    {
        using var session = new NotebookSession(new NotebookSessionOptions { CellTimeout = TimeSpan.FromMilliseconds(300) });

        await session.ExecuteAsync("for (int i = 0; i < 300; i++) { Console.WriteLine(\"spam\"); System.Threading.Thread.Sleep(10); }");
        CellExecution later = await session.ExecuteAsync("System.Threading.Thread.Sleep(200);\nConsole.WriteLine(\"clean\");");

        Assert.Equal("clean\n", later.Outputs.Single().Text);
    }
}
