using Course.Notebooks.Execution;
using Course.Notebooks.Format;
using Course.Notebooks.Model;
using Course.Notebooks.Validation;

namespace Course.Notebooks.Tests.Execution;

public sealed class NotebookBatchTests
{
    [Fact]
    public async Task Runs_each_notebook_writes_its_copy_and_counts_its_cells()
    {
        using var folder = new TempFolder();
        Notebook notebook = Notebook.CreatePolyglot();
        notebook.Cells.Add(Cell.CreateCode("var x = 2;", "c1"));
        notebook.Cells.Add(Cell.CreateCode("throw new InvalidOperationException(\"boom\");", "c2"));
        notebook.Cells.Add(Cell.CreateCode("x", "c3"));
        string input = folder.File("lesson.ipynb");
        IpynbWriter.Write(notebook, input);
        var log = new StringWriter();
        var errors = new StringWriter();
        var seen = new List<int>();

        NotebookBatchResult result = await new NotebookBatch { CellChecks = (_, cell) => { seen.Add(cell.CellNumber); return []; } }
            .RunAsync([new ExecutedCopy(input, folder.File("out/lesson.ipynb"))], log, errors);

        Assert.Equal((1, 1, 1, false), (result.Passed, result.Failed, result.Skipped, result.BadInput));
        Assert.False(result.Succeeded);
        Assert.Equal("cells: 1 passed, 1 failed, 1 skipped", result.Summary);
        Assert.StartsWith($"FAILED {input} cell 2: ", Assert.Single(result.Failures), StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], seen);
        Assert.True(File.Exists(folder.File("out/lesson.ipynb")));
        Assert.StartsWith($"{input}: 3 C# cells\n  cell 1: ok (", log.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal("", errors.ToString());
    }

    [Fact]
    public async Task A_notebook_that_cannot_be_read_is_one_error_line_and_the_batch_goes_on()
    {
        using var folder = new TempFolder();
        string broken = folder.File("broken.ipynb");
        File.WriteAllText(broken, "not json");
        var errors = new StringWriter();

        NotebookBatchResult result = await new NotebookBatch().RunAsync([new ExecutedCopy(broken, folder.File("out/broken.ipynb"))], TextWriter.Null, errors);

        Assert.True(result.BadInput);
        Assert.StartsWith("error: ", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("broken.ipynb", errors.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("out/broken.ipynb")));
    }

    [Fact]
    public async Task A_cancelled_batch_names_the_notebook_it_did_not_start()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var errors = new StringWriter();

        NotebookBatchResult result = await new NotebookBatch().RunAsync([new ExecutedCopy("a.ipynb", "out/a.ipynb")], TextWriter.Null, errors, cancelled.Token);

        Assert.True(result.Interrupted);
        Assert.Equal("interrupted: a.ipynb and any later notebooks were not run\n", errors.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_cells_progress_line_says_what_its_checks_found()
    {
        var skipped = new CellRunResult(4, CellOutcome.Skipped, null, null);
        var passed = new CellRunResult(2, CellOutcome.Passed, null, null);
        CheckLine[] checks = [new("a", true, false, ""), new("b", false, false, "wrong")];

        Assert.Equal("  cell 2: ok, checks: 1 passed, 1 failed", NotebookBatch.ProgressLine(passed, checks));
        Assert.Equal("  cell 4: skipped (an earlier cell failed; --keep-going runs it anyway)", NotebookBatch.ProgressLine(skipped, []));
        Assert.Throws<ArgumentNullException>(() => NotebookBatch.ProgressLine(passed, null!));
    }

    [Fact]
    public void Results_add_up_and_a_problem_of_either_is_a_problem_of_both()
    {
        var first = new NotebookBatchResult { Passed = 2, Failures = ["FAILED a"] };
        var second = new NotebookBatchResult { Failed = 1, BadInput = true, Failures = ["FAILED b"] };

        NotebookBatchResult sum = first.Add(second);

        Assert.Equal((2, 1, 0, true), (sum.Passed, sum.Failed, sum.Skipped, sum.BadInput));
        Assert.Equal(["FAILED a", "FAILED b"], sum.Failures);
        Assert.Throws<ArgumentNullException>(() => first.Add(null!));
    }
}
