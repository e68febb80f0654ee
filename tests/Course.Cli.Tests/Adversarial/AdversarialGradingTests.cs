using System.Globalization;
using Xunit.Abstractions;

namespace Course.Cli.Tests.Adversarial;

/// <summary>
/// Issue #8: whatever a submission does, the grading run finishes, every other student's result is
/// correct and kept, and the broken submission gets a clear reason. Each test is one case of the
/// corpus (<see cref="AdversarialCorpus"/>), graded with all the others and one correct submission in
/// a single batch: it asserts the case's status and reason, full marks still available (109), and the
/// correct submission's full marks.
/// </summary>
public sealed class AdversarialGradingTests : IClassFixture<GradedCorpus>
{
    private readonly GradedCorpus _batch;
    private readonly ITestOutputHelper _output;

    public AdversarialGradingTests(GradedCorpus batch, ITestOutputHelper output)
    {
        _batch = batch;
        _output = output;
    }

    [Fact]
    public void The_batch_finishes_with_a_result_and_a_gradebook_row_for_every_submission()
    {
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Graded {_batch.Cases.Count + 1} submissions (-j {GradedCorpus.Jobs}) in {_batch.Duration.TotalSeconds:0} s."));
        foreach (string id in _batch.Cases.Select(c => c.Name).Prepend(GradedCorpus.Correct))
        {
            _output.WriteLine(_batch.Result(id)?.ToString() ?? $"{id}: no result.json");
        }

        Assert.True(_batch.Run.ExitCode == 0, _batch.Log());
        string[] missing = _batch.Cases.Select(c => c.Name).Where(id => _batch.Result(id) is null).ToArray();
        Assert.True(missing.Length == 0, $"No result.json for {string.Join(", ", missing)}.\n{_batch.Log()}");
        // One row per student (a reason may span lines inside its quotes, so rows are found by their first field).
        string gradebook = File.ReadAllText(Path.Combine(_batch.Output, "gradebook.csv"));
        string[] rowless = _batch.Cases.Select(c => c.Name).Prepend(GradedCorpus.Correct)
            .Where(id => !gradebook.Split('\n').Any(line => line.StartsWith(id + ",", StringComparison.Ordinal))).ToArray();
        Assert.True(rowless.Length == 0, $"No gradebook row for {string.Join(", ", rowless)}:\n{gradebook}");
    }

    [Fact]
    public void The_correct_submission_graded_in_the_same_batch_keeps_full_marks() => AssertCorrectKeepsFullMarks();

    [Fact]
    public void A_compile_error_in_one_cell() => Verify("compile-error");

    [Fact]
    public void An_exception_at_a_cells_top_level() => Verify("throws-at-top-level");

    [Fact]
    public void An_infinite_loop_inside_a_graded_method_costs_only_that_exercise()
    {
        var result = Verify("loops-in-graded-method");
        // What this case shows is that the loop is stopped and billed to Collate alone. The timing budgets' steadiness
        // under load is GradingSamplesTests' to show (this corpus grades beside other work), so they are left out here.
        var others = result.Checks.Where(c => c.GradeId != "collate" && !TimingChecks.Contains(c.Id)).ToList();
        Assert.True(others.All(c => c.Score == c.Points), $"{result}\nOther exercises lost points:\n{Failing(others)}");
        Assert.True(result.Checks.Where(c => c.GradeId == "collate").All(c => c.Score == 0), $"{result}\nExpected no Collate check to pass.");
    }

    [Fact]
    public void An_infinite_loop_at_a_cells_top_level() => Verify("loops-at-top-level");

    [Fact]
    public void Unbounded_recursion_overflows_the_stack_of_its_own_process_only() => Verify("unbounded-recursion");

    [Fact]
    public void Allocating_tens_of_gigabytes() => Verify("allocates-gigabytes");

    [Fact]
    public void Environment_Exit_halfway() => Verify("exits-halfway");

    [Fact]
    public void Printing_hundreds_of_millions_of_lines_is_capped_not_stored()
    {
        var result = Verify("floods-output");
        foreach (string file in new[] { "result.json", "feedback.md", "feedback.html", "log.txt" })
        {
            string path = _batch.StudentFile(result.StudentId, file);
            long size = File.Exists(path) ? new FileInfo(path).Length : 0;
            Assert.True(size < 1 << 20, $"{result}\n{file} is {size} bytes: the output was stored, not capped.");
        }
    }

    // The sandbox cases assert first what must not have happened (a file written, a secret read, a
    // connection made), so that a wrong status or reason cannot hide it.
    [RequiresToolFact(typeof(Bubblewrap))]
    public void Writing_files_outside_its_work_folder_is_refused()
    {
        const string Name = "writes-outside-its-folder";
        foreach (string file in new[] { _batch.Batch.OutsideFile, Path.Combine(_batch.Batch.Root, "submissions", Name, "written-by-the-submission.txt") })
        {
            Assert.False(File.Exists(file), $"{_batch.Result(Name)}\nThe submission wrote {file}.");
        }

        Verify(Name);
    }

    [RequiresToolFact(typeof(Bubblewrap))]
    public void Another_students_submission_is_not_visible() => AssertNothingLeakedThenVerify("reads-another-submission");

    [RequiresToolFact(typeof(Bubblewrap))]
    public void The_graders_hidden_specs_and_solutions_are_not_visible() => AssertNothingLeakedThenVerify("reads-hidden-specs");

    [RequiresToolFact(typeof(Bubblewrap))]
    public void A_network_connection_is_refused()
    {
        const string Name = "opens-network-connection";
        Assert.False(_batch.ListenerWasReached, $"{_batch.Result(Name)}\nThe submission connected to 127.0.0.1:{_batch.Batch.ListenerPort}.");
        Verify(Name);
    }

    // The checks whose budgets are measured in time.
    private static readonly string[] TimingChecks = ["dataloader-epoch-scaling", "dataloader-shuffle-scaling", "collate-time", "collate-scaling"];

    [Fact]
    public void Threads_left_running_after_their_cell_do_not_hold_grading_up()
    {
        var result = Verify("leaves-threads-running");
        // Every behavioural check passes. The timing checks may not: the student's own thread keeps a
        // core busy while they measure, which is what such a thread costs on the student's machine too.
        var lost = result.Checks.Where(c => c.Score < c.Points && !TimingChecks.Contains(c.Id)).ToList();
        Assert.True(lost.Count == 0, $"{result}\n{Failing(lost)}");
        // Not killed at the time limit: the grading process ends when grading does, spinning thread or not.
        Assert.True(result.Seconds < 0.75 * GradedCorpus.TimeoutSeconds,
            $"{result}\nIt took {result.Seconds:0} s of the {GradedCorpus.TimeoutSeconds} s limit (the correct submission: {_batch.Result(GradedCorpus.Correct)?.Seconds:0} s).");
    }

    [Fact]
    public void An_edited_locked_check_cell_is_restored_and_graded() => AssertFullMarks(Verify("edits-locked-cell"));

    [Fact]
    public void A_deleted_locked_check_cell_is_restored_and_graded() => AssertFullMarks(Verify("deletes-locked-cell"));

    [Fact]
    public void A_solution_that_calls_the_reference_library_earns_nothing_for_that_exercise()
    {
        var result = Verify("calls-reference-library");
        var own = result.Checks.Where(c => c.GradeId is "dataloader" or "dataloader-deterministic").ToList();
        Assert.NotEmpty(own);
        Assert.True(own.All(c => c.Score == 0), $"{result}\nDataLoader checks that earned points:\n{string.Join("\n", own.Where(c => c.Score > 0))}");
        AssertOtherNotebooksKeepTheirPoints(result, [AdversarialCorpus.DataLoader]);
    }

    [Fact]
    public void A_file_that_is_not_json() =>
        // The hidden integration checks (in 03) use the TensorDataset of the unreadable notebook 02.
        AssertOtherNotebooksKeepTheirPoints(Verify("not-json"), [AdversarialCorpus.TensorDataset], alsoLost: "integration");

    [Fact]
    public void An_empty_notebook() =>
        // The hidden integration checks (in 03) use the transforms of the empty notebook 05.
        AssertOtherNotebooksKeepTheirPoints(Verify("empty-notebook"), [AdversarialCorpus.Transforms], alsoLost: "integration");

    [Fact]
    public void A_notebook_from_another_module() =>
        AssertOtherNotebooksKeepTheirPoints(Verify("notebook-from-another-module"), [AdversarialCorpus.Collation]);

    [Fact]
    public void A_submission_with_notebooks_missing_keeps_the_points_of_the_others() =>
        AssertOtherNotebooksKeepTheirPoints(Verify("missing-notebooks"), [AdversarialCorpus.Collation, AdversarialCorpus.Bottlenecks]);

    [Fact]
    public void Result_files_written_by_student_code_earn_nothing()
    {
        var result = Verify("forges-result-files");
        // RandomCrop's checks earn nothing, and so does the hidden pipeline check that uses it; everything else is earned.
        AssertEarnsNothingFor(result, "crop");
        double lost = result.Checks.Where(c => c.GradeId is "crop" or "integration" && c.Score < c.Points).Sum(c => c.Points);
        Assert.True(result.Score == GradedCorpus.FullMarks - lost, Describe(result));
        string gradebookRow = File.ReadAllLines(Path.Combine(_batch.Output, "gradebook.csv")).Single(l => l.StartsWith("forges-result-files,", StringComparison.Ordinal));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $",{result.Score:0.##},{GradedCorpus.FullMarks:0.##},"), gradebookRow, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reference_reached_by_reflection_earns_nothing() =>
        AssertEarnsNothingFor(Verify("reflects-on-the-reference"), "dataloader", "dataloader-deterministic");

    [Fact]
    public void The_reference_reached_through_dynamic_earns_nothing() =>
        AssertEarnsNothingFor(Verify("uses-dynamic"), "tensordataset");

    [Fact]
    public void Shadowing_the_check_cells_names_earns_nothing() =>
        AssertEarnsNothingFor(Verify("shadows-check-names"), "collate");

    [Fact]
    public void Rewriting_what_the_check_cells_recorded_earns_nothing() =>
        AssertEarnsNothingFor(Verify("tampers-with-the-recorder"), "flip");

    [Fact]
    public void The_graders_environment_does_not_reach_student_code()
    {
        var result = Verify("reads-the-environment");
        Assert.Contains("PATH=", result.Reason, StringComparison.Ordinal);
        foreach (string file in Directory.EnumerateFiles(Path.Combine(_batch.Output, result.StudentId), "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(_batch.EnvironmentSecret, File.ReadAllText(file), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(GradedCorpus.EnvironmentSecretName, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unmanaged_memory_is_capped_with_the_managed_heap() => Verify("allocates-unmanaged-memory");

    [Fact]
    public void Links_left_in_the_work_folder_do_not_stay_in_the_output()
    {
        AssertFullMarks(Verify("leaves-links-behind"));
        var links = Directory.EnumerateFileSystemEntries(_batch.Output, "*", SearchOption.AllDirectories).Where(e => new FileInfo(e).LinkTarget is not null).ToArray();
        Assert.True(links.Length == 0, $"Links in the output: {string.Join(", ", links)}");
    }

    [Fact]
    public void Every_kind_of_submission_the_issue_lists_is_a_case()
    {
        // Issue #8: 18 kinds; locked cells (edited, deleted) and reading (another submission, the grader's specs) are
        // two cases each. Issue #14: forged files, reflection, dynamic, shadowing, tampering, the environment,
        // unmanaged memory and links left behind. Each case has its own test above.
        Assert.Equal(28, AdversarialCorpus.All.Count);
        Assert.Equal(AdversarialCorpus.All.Count, AdversarialCorpus.All.Select(c => c.Name).Distinct().Count());
    }

    // The checks of one case: status, reason, full marks still available, and the correct submission
    // of the same batch untouched.
    private Graded Verify(string name)
    {
        var corpusCase = AdversarialCorpus.Named(name);
        var result = _batch.Result(name);
        Assert.True(result is not null, $"{name} ({corpusCase.Attack}) has no result.json.\n{_batch.Log()}");
        Assert.True(corpusCase.Statuses.Contains(result.Status),
            $"{corpusCase.Attack}: expected status {string.Join(" or ", corpusCase.Statuses.Select(s => $"\"{s}\""))}, got {result}");
        string[] absent = _batch.ReasonFragments(name).Where(f => !result.Reason.Contains(f, StringComparison.Ordinal)).ToArray();
        Assert.True(absent.Length == 0, $"{corpusCase.Attack}: the reason lacks {string.Join(", ", absent.Select(f => $"\"{f}\""))}; got {result}");
        Assert.True(result.MaxScore == GradedCorpus.FullMarks, $"{corpusCase.Attack}: max score should stay {GradedCorpus.FullMarks}; got {result}");
        AssertCorrectKeepsFullMarks();
        return result;
    }

    private void AssertCorrectKeepsFullMarks()
    {
        var correct = _batch.Result(GradedCorpus.Correct);
        Assert.True(correct is not null, $"The correct submission has no result.json.\n{_batch.Log()}");
        Assert.True(correct.Status == "graded" && correct.Score == GradedCorpus.FullMarks && correct.MaxScore == GradedCorpus.FullMarks,
            $"The correct submission graded in the same batch: {correct}\n{Failing(correct.Checks)}");
    }

    // The exercise's checks (its check cells' grade_ids) earn nothing, and every other notebook keeps its points.
    private static void AssertEarnsNothingFor(Graded result, params string[] gradeIds)
    {
        var own = result.Checks.Where(c => gradeIds.Contains(c.GradeId)).ToList();
        Assert.NotEmpty(own);
        Assert.True(own.All(c => c.Score == 0), $"{result}\nChecks of {string.Join(", ", gradeIds)} that earned points:\n{string.Join("\n", own.Where(c => c.Score > 0))}");
        string notebook = own[0].Notebook;
        var others = result.Checks.Where(c => c.Notebook != notebook && c.GradeId is not ("integration" or "integration-hidden")).ToList();
        Assert.True(others.All(c => c.Score == c.Points), $"{result}\nOther notebooks lost points:\n{Failing(others)}");
    }

    private static string Describe(Graded result) => $"{result}\n{Failing(result.Checks)}";

    private static void AssertFullMarks(Graded result) =>
        Assert.True(result.Score == GradedCorpus.FullMarks, $"{result}\n{Failing(result.Checks)}");

    private static void AssertOtherNotebooksKeepTheirPoints(Graded result, string[] broken, string? alsoLost = null)
    {
        var others = result.Checks.Where(c => !broken.Contains(c.Notebook) && c.GradeId != alsoLost).ToList();
        Assert.NotEmpty(others);
        Assert.True(others.All(c => c.Score == c.Points),
            $"{result}\nChecks outside {string.Join(", ", broken)} lost points:\n{Failing(others)}");
    }

    private void AssertNothingLeakedThenVerify(string name)
    {
        string folder = Path.Combine(_batch.Output, name);
        Assert.True(Directory.Exists(folder), $"{name} has no output folder.\n{_batch.Log()}");
        var texts = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Contains("lib") && Path.GetExtension(f) is not (".dll" or ".pdb"))
            .Select(f => (File: Path.GetRelativePath(folder, f), Text: File.ReadAllText(f)))
            .Append((File: "course grade's output", Text: _batch.Run.Output + _batch.Run.Error));
        foreach (string secret in _batch.Secrets(name))
        {
            string[] leaked = texts.Where(t => t.Text.Contains(secret, StringComparison.Ordinal)).Select(t => t.File).ToArray();
            Assert.True(leaked.Length == 0, $"{_batch.Result(name)}\n\"{secret}\" leaked into {string.Join(", ", leaked)}.");
        }

        var result = Verify(name);
        Assert.Matches("(File|Directory)NotFound", result.Reason);
    }

    private static string Failing(IEnumerable<GradedCheck> checks) =>
        string.Join("\n", checks.Where(c => c.Score < c.Points));
}
