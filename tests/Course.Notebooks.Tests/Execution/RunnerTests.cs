using System.Diagnostics;
using Course.Notebooks.Execution;
using Course.Notebooks.Format;
using Course.Notebooks.Model;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Execution;

public sealed class RunnerTests
{
    private static Notebook Lesson(params string[] codeCells)
    {
        Notebook notebook = Notebook.CreatePolyglot();
        notebook.Cells.Add(Cell.CreateMarkdown("# Lesson", "intro"));
        for (int i = 0; i < codeCells.Length; i++)
        {
            notebook.Cells.Add(Cell.CreateCode(codeCells[i], $"code{i + 1}"));
        }

        return notebook;
    }

    [Fact]
    public async Task Running_fills_outputs_and_execution_counts_in_a_copy()
    {
        Notebook notebook = Lesson("var x = 20;", "Console.WriteLine(x);", "x + 22");
        notebook.Cells[1].SetOutputs([Output.Stream("stdout", "stale output\n")]);
        string before = IpynbWriter.Serialize(notebook);
        var started = new List<int>();

        NotebookRunResult run = await new NotebookRunner(new NotebookRunOptions { CellStarting = (n, _) => started.Add(n) })
            .RunAsync(notebook, Path.GetTempPath());

        Assert.Equal(before, IpynbWriter.Serialize(notebook));
        Assert.Equal([2, 3, 4], started);
        Assert.Equal((3, 0, 0), (run.Passed, run.Failed, run.Skipped));
        Notebook executed = run.Executed;
        Assert.Equal([null, 1, 2, 3], executed.Cells.Select(c => c.ExecutionCount));
        Assert.Empty(executed.Cells[1].Outputs);
        Assert.Equal("20\n", executed.Cells[2].Outputs.Single().Text);
        Assert.Equal("42", executed.Cells[3].Outputs.Single().Data!.Shown());
    }

    [Fact]
    public async Task The_first_failure_stops_the_notebook_unless_told_to_keep_going()
    {
        Notebook notebook = Lesson("var a = 1;", "throw new Exception(\"bad\");", "a + 1");

        NotebookRunResult stopped = await new NotebookRunner().RunAsync(notebook, Path.GetTempPath());
        NotebookRunResult kept = await new NotebookRunner(new NotebookRunOptions { KeepGoing = true }).RunAsync(notebook, Path.GetTempPath());

        Assert.Equal([CellOutcome.Passed, CellOutcome.Failed, CellOutcome.Skipped], stopped.Cells.Select(c => c.Outcome));
        Assert.Null(stopped.Executed.Cells[3].ExecutionCount);
        Assert.Equal([CellOutcome.Passed, CellOutcome.Failed, CellOutcome.Passed], kept.Cells.Select(c => c.Outcome));
        Assert.Equal("cell 3, line 1: System.Exception: bad", kept.Cells[1].FailureReason);
        Assert.Equal("2", kept.Executed.Cells[3].Outputs.Single().Data!.Shown());
    }

    [Fact]
    public async Task A_cell_in_another_language_is_found_before_running_and_fails_if_run()
    {
        Notebook notebook = Lesson("1");
        notebook.Cells.Add(Cell.CreateCode("printfn \"hi\"", "fs", kernelName: "fsharp"));

        IReadOnlyList<NotebookFormatException> problems = NotebookRunner.FindUnrunnableCells(notebook, "lesson.ipynb");
        NotebookRunResult run = await new NotebookRunner().RunAsync(notebook, Path.GetTempPath());

        Assert.Equal("lesson.ipynb: cell 3: the cell is in 'fsharp'; the course engine runs C# cells only", problems.Single().Message);
        Assert.Equal([CellOutcome.Passed, CellOutcome.Failed], run.Cells.Select(c => c.Outcome));
        Assert.Equal("UnsupportedLanguage", run.Executed.Cells[2].Outputs.Single().ErrorName);
    }

    [Fact]
    public async Task A_dib_notebook_runs_with_shared_state()
    {
        Notebook notebook = DibReader.Read(Fixtures.Path("sample.dib"));

        NotebookRunResult run = await new NotebookRunner().RunAsync(notebook, Fixtures.Path(string.Empty));

        Assert.True(run.Succeeded, string.Join("; ", run.Cells.Select(c => c.FailureReason)));
        Assert.Equal("10", run.Executed.Cells[2].Outputs[0].Data!.Shown());
        Assert.StartsWith("Wall time: ", run.Executed.Cells[2].Outputs[1].Data!.Text, StringComparison.Ordinal);
    }

    [RequiresToolFact("/usr/bin/python3", "-c", "import nbformat")]
    public async Task Executed_notebooks_pass_the_nbformat_validator()
    {
        using var folder = new TempFolder();
        Notebook notebook = IpynbReader.Read(Fixtures.Path("polyglot-vscode.ipynb"));
        notebook.Cells.Add(Cell.CreateCode("Console.Error.WriteLine(\"warn\");\ndisplay(new[] { new { A = 1 } });\nint.Parse(\"x\")", "extra1"));
        notebook.Cells.Add(Cell.CreateCode("nope", "extra2"));
        NotebookRunResult run = await new NotebookRunner(new NotebookRunOptions { KeepGoing = true }).RunAsync(notebook, folder.Path);
        Notebook legacy = IpynbReader.Parse(
            """{"cells": [{"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": "1"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 4}""");
        NotebookRunResult legacyRun = await new NotebookRunner().RunAsync(legacy, folder.Path);
        string executed = folder.File("executed.ipynb");
        string executedLegacy = folder.File("legacy.ipynb");
        IpynbWriter.Write(run.Executed, executed);
        IpynbWriter.Write(legacyRun.Executed, executedLegacy);

        Assert.Contains(run.Cells, c => c.Outcome == CellOutcome.Failed);
        Assert.Contains(run.Executed.Cells.SelectMany(c => c.Outputs), o => o.Kind == OutputKind.Error);
        foreach (string path in new[] { executed, executedLegacy })
        {
            (int exitCode, string errors) = Validate(path);
            Assert.True(exitCode == 0, $"nbformat rejected {Path.GetFileName(path)}: {errors}");
        }
    }

    private static (int ExitCode, string Errors) Validate(string path)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))");
        start.ArgumentList.Add(path);
        using Process process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, errors);
    }
}
