using Course.Cli.Commands;
using Course.Notebooks.Format;
using Course.Notebooks.Model;

namespace Course.Cli.Tests.Commands;

public sealed class RunCommandTests
{
    [Fact]
    public async Task A_passing_notebook_is_executed_into_the_output_folder_and_the_input_is_untouched()
    {
        using var folder = new TempFolder();
        string input = folder.Notebook("lesson.ipynb", "var n = 6;", "Console.WriteLine(n * 7);");
        byte[] before = File.ReadAllBytes(input);
        string outDir = folder.File("executed");

        CliRun run = await CliRun.Of("run", input, "--out", outDir);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains($"{input}: 2 C# cells\n", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"  cell 2: ok \(\d+ ms\)\n  cell 3: ok \(\d+ ms\)\n", run.Output);
        Assert.Equal(["cells: 2 passed, 0 failed", "checks: 0 passed, 0 failed"], run.ClosingLines);
        Assert.Equal(before, File.ReadAllBytes(input));
        Notebook executed = IpynbReader.Read(Path.Combine(outDir, "lesson.ipynb"));
        Assert.Equal("42\n", executed.Cells[2].Outputs.Single().Text);
        Assert.Equal([null, 1, 2], executed.Cells.Select(c => c.ExecutionCount));
    }

    [Fact]
    public async Task A_failing_cell_gives_one_line_with_its_reason_and_exit_code_1()
    {
        using var folder = new TempFolder();
        string input = folder.Notebook("broken.ipynb", "var ok = 1;", "var bad = missing;", "ok");

        CliRun stopped = await CliRun.Of("run", input, "--out", folder.File("out"));
        CliRun keptGoing = await CliRun.Of("run", input, "--out", folder.File("out"), "--keep-going");

        Assert.Equal(RunCommand.ExitCellFailed, stopped.ExitCode);
        Assert.Contains($"FAILED {input} cell 3: line 1, column 11: error CS0103: The name 'missing' does not exist in the current context\n", stopped.Output, StringComparison.Ordinal);
        Assert.Contains("  cell 4: skipped", stopped.Output, StringComparison.Ordinal);
        Assert.Equal(["cells: 1 passed, 1 failed, 1 skipped", "checks: 0 passed, 0 failed"], stopped.ClosingLines);
        Assert.Equal(RunCommand.ExitCellFailed, keptGoing.ExitCode);
        Assert.Equal(["cells: 2 passed, 1 failed", "checks: 0 passed, 0 failed"], keptGoing.ClosingLines);
        Assert.Single(keptGoing.Output.Split('\n'), line => line.StartsWith("FAILED ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Counts_add_up_over_several_notebooks()
    {
        using var folder = new TempFolder();
        string first = folder.Notebook("one.ipynb", "1", "2");
        string second = folder.Notebook("two.ipynb", "throw new Exception(\"x\");");

        CliRun run = await CliRun.Of("run", first, second, "--out", folder.File("out"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["cells: 2 passed, 1 failed", "checks: 0 passed, 0 failed"], run.ClosingLines);
        Assert.Contains($"FAILED {second} cell 2: line 1: System.Exception: x", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(folder.File(Path.Combine("out", "one.ipynb"))));
        Assert.True(File.Exists(folder.File(Path.Combine("out", "two.ipynb"))));
    }

    [Fact]
    public async Task A_cell_that_runs_too_long_is_stopped_at_the_timeout()
    {
        using var folder = new TempFolder();
        string input = folder.Notebook("slow.ipynb", "var until = DateTime.UtcNow.AddSeconds(4);\nwhile (DateTime.UtcNow < until) { }", "1");

        CliRun run = await CliRun.Of("run", input, "--out", folder.File("out"), "--timeout", "0.5", "-k");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"FAILED {input} cell 2: did not finish within 500 ms and was stopped", run.Output, StringComparison.Ordinal);
        Assert.Equal(["cells: 1 passed, 1 failed", "checks: 0 passed, 0 failed"], run.ClosingLines);
    }

    [Fact]
    public async Task Invalid_JSON_is_reported_naming_the_file_and_nothing_is_written()
    {
        using var folder = new TempFolder();
        string input = folder.File("broken.ipynb");
        File.WriteAllText(input, "{ \"cells\": [ ");

        CliRun run = await CliRun.Of("run", input, "--out", folder.File("out"));

        Assert.Equal(RunCommand.ExitBadInput, run.ExitCode);
        Assert.StartsWith($"error: {input}: not valid JSON", run.Error, StringComparison.Ordinal);
        Assert.Equal("{ \"cells\": [ ", File.ReadAllText(input));
        Assert.False(Directory.Exists(folder.File("out")));
        Assert.Equal(["cells: 0 passed, 0 failed", "checks: 0 passed, 0 failed"], run.ClosingLines);
    }

    [Fact]
    public async Task An_old_nbformat_is_refused()
    {
        using var folder = new TempFolder();
        string input = folder.File("old.ipynb");
        File.WriteAllText(input, "{\"nbformat\": 3, \"nbformat_minor\": 0, \"metadata\": {}, \"worksheets\": []}");

        CliRun run = await CliRun.Of("run", input, "--out", folder.File("out"));

        Assert.Equal(RunCommand.ExitBadInput, run.ExitCode);
        Assert.Contains($"error: {input}: nbformat 3 is too old", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_reported()
    {
        using var folder = new TempFolder();
        string input = folder.File("absent.ipynb");

        CliRun run = await CliRun.Of("run", input, "--out", folder.File("out"));

        Assert.Equal(RunCommand.ExitBadInput, run.ExitCode);
        Assert.Equal($"error: {input}: file not found\n", run.Error);
    }

    [Fact]
    public async Task A_cell_in_another_language_is_refused_naming_the_cell_before_anything_runs()
    {
        using var folder = new TempFolder();
        Notebook notebook = Notebook.CreatePolyglot();
        notebook.Cells.Add(Cell.CreateCode("File.WriteAllText(\"ran.txt\", \"yes\");", "c1"));
        notebook.Cells.Add(Cell.CreateCode("1 + 1", "c2", kernelName: "fsharp"));
        string input = folder.File("mixed.ipynb");
        IpynbWriter.Write(notebook, input);

        CliRun run = await CliRun.Of("run", input, "--out", folder.File("out"));

        Assert.Equal(RunCommand.ExitBadInput, run.ExitCode);
        Assert.Equal($"error: {input}: cell 2: the cell is in 'fsharp'; the course engine runs C# cells only\n", run.Error);
        Assert.False(File.Exists(folder.File("ran.txt")));
    }

    [Fact]
    public async Task The_output_is_never_written_over_an_input()
    {
        using var folder = new TempFolder();
        string input = folder.Notebook("lesson.ipynb", "1");
        byte[] before = File.ReadAllBytes(input);

        CliRun run = await CliRun.Of("run", input, "--out", folder.Path);

        Assert.Equal(RunCommand.ExitBadInput, run.ExitCode);
        Assert.Contains("the executed copy would overwrite an input", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Fact]
    public async Task Two_inputs_that_would_share_an_output_are_refused()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("a"));
        Directory.CreateDirectory(folder.File("b"));
        string first = folder.Notebook(Path.Combine("a", "lesson.ipynb"), "1");
        string second = folder.Notebook(Path.Combine("b", "lesson.ipynb"), "2");

        CliRun run = await CliRun.Of("run", first, second, "--out", folder.File("out"));

        Assert.Equal(RunCommand.ExitBadInput, run.ExitCode);
        Assert.Contains($"error: {second}: its executed copy", run.Error, StringComparison.Ordinal);
        Assert.Equal(["cells: 1 passed, 0 failed", "checks: 0 passed, 0 failed"], run.ClosingLines);
    }

    [Fact]
    public async Task A_dib_file_is_run_and_written_as_ipynb()
    {
        using var folder = new TempFolder();
        string input = folder.File("notes.dib");
        File.WriteAllText(input, "#!markdown\n\n# Notes\n\n#!csharp\n\nvar words = new[] { \"a\", \"b\" };\n\n#!csharp\n\nstring.Join(\"+\", words)\n");

        CliRun run = await CliRun.Of("run", input, "--out", folder.File("out"));

        Assert.Equal(0, run.ExitCode);
        Notebook executed = IpynbReader.Read(folder.File(Path.Combine("out", "notes.ipynb")));
        Assert.Equal("a+b", executed.Cells[2].Outputs.Single().Data!.Text);
    }

    [Fact]
    public async Task A_check_cell_whose_checks_fail_is_counted_as_failed_checks_and_exits_1()
    {
        using var folder = new TempFolder();
        string input = ExerciseNotebooks.WriteSource(folder.File("wrong.ipynb"), ExerciseNotebooks.WrongSolution);

        CliRun run = await CliRun.Of("run", input, "--out", folder.File("out"));
        CliRun allowed = await CliRun.Of("run", input, "--out", folder.File("out"), "--allow-failed-checks");

        Assert.Equal(RunCommand.ExitCellFailed, run.ExitCode);
        Assert.Equal(["cells: 3 passed, 0 failed", "checks: 5 passed, 1 failed"], run.ClosingLines);
        Assert.Matches(@"  cell 4: ok \(\d+ ms\), checks: 5 passed, 1 failed\n", run.Output);
        Assert.Contains($"FAILED CHECK {input} cell 4 [tensordataset-negative-index]: The code under test threw ArgumentOutOfRangeException: Index -1 is outside", run.Output, StringComparison.Ordinal);
        Assert.Equal(RunCommand.ExitPassed, allowed.ExitCode);
        Assert.Equal(["cells: 3 passed, 0 failed", "checks: 5 passed, 1 failed"], allowed.ClosingLines);
    }

    [Fact]
    public async Task Check_runs_one_check_and_exits_by_it_alone()
    {
        using var folder = new TempFolder();
        string input = ExerciseNotebooks.WriteSource(folder.File("wrong.ipynb"), ExerciseNotebooks.WrongSolution);

        CliRun failing = await CliRun.Of("run", input, "--out", folder.File("out"), "--check", "tensordataset-negative-index");
        CliRun passing = await CliRun.Of("run", input, "--out", folder.File("out"), "--check", "tensordataset-count");

        Assert.Equal(RunCommand.ExitCellFailed, failing.ExitCode);
        Assert.Equal(["cells: 3 passed, 0 failed", "checks: 0 passed, 1 failed"], failing.ClosingLines);
        Assert.Equal(RunCommand.ExitPassed, passing.ExitCode);
        Assert.Equal(["cells: 3 passed, 0 failed", "checks: 1 passed, 0 failed"], passing.ClosingLines);
        Assert.Null(Environment.GetEnvironmentVariable(Course.Specs.ModuleSpecs.OnlyCheckVariable));
    }

    [Fact]
    public async Task Check_with_an_id_no_check_has_or_no_cell_runs_is_refused_naming_it()
    {
        using var folder = new TempFolder();
        string input = ExerciseNotebooks.WriteSource(folder.File("right.ipynb"), ExerciseNotebooks.CorrectSolution);

        CliRun unknown = await CliRun.Of("run", input, "--out", folder.File("out"), "--check", "negative-index");
        CliRun elsewhere = await CliRun.Of("run", input, "--out", folder.File("out"), "--check", "dataloader-count");

        Assert.Equal((RunCommand.ExitBadInput, "course run: --check negative-index names no check of this module; did you mean tensordataset-negative-index?\n"), (unknown.ExitCode, unknown.Error));
        Assert.Equal(RunCommand.ExitBadInput, elsewhere.ExitCode);
        Assert.Equal("course run: no check cell of these notebooks ran the check dataloader-count (it is in the check cell \"dataloader\"); run the notebook that has that cell.\n", elsewhere.Error);
    }

    [Fact]
    public async Task A_negative_timeout_is_refused()
    {
        CliRun run = await CliRun.Of("run", "x.ipynb", "--timeout", "-1");

        Assert.Equal(RunCommand.ExitBadInput, run.ExitCode);
        Assert.Contains("--timeout must be 0 (no limit) or a positive number of seconds", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_engine_benchmark_runs_a_small_notebook()
    {
        CliRun run = await CliRun.Of("bench-engine", "--cells", "5");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("cells: 5 (5 passed, 0 failed)", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"later cells: median \d+\.\d ms, p90 \d+\.\d ms, max \d+\.\d ms per cell", run.Output);
    }
}
