using Course.Notebooks.Authoring;
using Course.Notebooks.Format;
using Course.Notebooks.Model;

namespace Course.Notebooks.Tests.Authoring;

public sealed class LockedCellsTests
{
    /// <summary>Intro (read-only, no grade_id), exercise, its checks (with a hidden part), a second exercise and its checks.</summary>
    private static Notebook Source() => SourceCells.Notebook(
        SourceCells.ReadOnly("var data = new[] { 1, 2, 3 };", null, "intro"),
        SourceCells.Solution("int Sum(int[] xs)\n{\n    // BEGIN SOLUTION\n    return xs.Sum();\n    // END SOLUTION\n}", "sum"),
        SourceCells.Tests("Check(Sum(data) == 6);\n// BEGIN HIDDEN TESTS\nCheck(Sum([]) == 0);\n// END HIDDEN TESTS", "check-sum", points: 5),
        SourceCells.Solution("int Max(int[] xs)\n{\n    // BEGIN SOLUTION\n    return xs.Max();\n    // END SOLUTION\n}", "max"),
        SourceCells.Tests("Check(Max(data) == 3);", "check-max", points: 5));

    private static Notebook Submission() => IpynbReader.Parse(ReleasePipeline.Default.Release(Source()).Serialize());

    [Fact]
    public void An_untouched_submission_reports_nothing_and_gets_the_instructors_cells_with_hidden_tests()
    {
        Notebook submission = Submission();
        submission.Cells[1].Source = "int Sum(int[] xs)\n{\n    return xs.Sum();\n}";

        LockedCellRestoration restored = LockedCells.Restore(submission, Source());

        Assert.True(restored.Untouched, string.Join("; ", restored.Tampering));
        Assert.Contains("BEGIN HIDDEN TESTS", restored.Notebook.Cells[2].Source, StringComparison.Ordinal);
        Assert.Equal("int Sum(int[] xs)\n{\n    return xs.Sum();\n}", restored.Notebook.Cells[1].Source);
        Assert.DoesNotContain("BEGIN HIDDEN TESTS", submission.Cells[2].Source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_instructors_source_itself_is_untouched_though_its_check_cells_hold_hidden_tests()
    {
        LockedCellRestoration restored = LockedCells.Restore(Source(), Source());

        Assert.True(restored.Untouched, string.Join("; ", restored.Tampering));
    }

    [Fact]
    public void A_check_cell_with_the_hidden_tests_removed_differently_still_counts_as_edited()
    {
        Notebook submission = Submission();
        submission.Cells[2].Source = "Check(Sum(data) == 6);\n// BEGIN HIDDEN TESTS\n// END HIDDEN TESTS";

        LockedCellRestoration restored = LockedCells.Restore(submission, Source());

        Assert.Equal(("check-sum", TamperingKind.Edited), restored.Tampering.Select(t => (t.Name, t.Kind)).Single());
    }

    [Fact]
    public void An_edited_check_cell_is_reported_and_replaced()
    {
        Notebook submission = Submission();
        submission.Cells[4].Source = "Check(true);";

        LockedCellRestoration restored = LockedCells.Restore(submission, Source());

        LockedCellTampering tampering = Assert.Single(restored.Tampering);
        Assert.Equal(new LockedCellTampering("check-max", 5, TamperingKind.Edited, "source edited"), tampering);
        Assert.Equal("tampered locked cell restored: check-max (edited: source edited)", tampering.ToString());
        Assert.Equal("Check(Max(data) == 3);", restored.Notebook.Cells[4].Source);
        Assert.Equal(LockedCells.Verify(submission, Source()), restored.Tampering);
    }

    [Fact]
    public void A_read_only_cell_without_grade_id_is_matched_by_cell_id()
    {
        Notebook submission = Submission();
        submission.Cells[0].Source = "var data = new[] { 6 };";

        LockedCellRestoration restored = LockedCells.Restore(submission, Source());

        Assert.Equal(("intro", TamperingKind.Edited), restored.Tampering.Select(t => (t.Name, t.Kind)).Single());
        Assert.Equal("var data = new[] { 1, 2, 3 };", restored.Notebook.Cells[0].Source);
    }

    [Fact]
    public void A_changed_checksum_or_points_counts_as_an_edit_even_with_the_source_intact()
    {
        Notebook submission = Submission();
        submission.Cells[2].Metadata["nbgrader"]!["checksum"] = "0123456789abcdef0123456789abcdef";
        submission.Cells[4].Metadata["nbgrader"]!["points"] = 50;

        IReadOnlyList<LockedCellTampering> tampering = LockedCells.Verify(submission, Source());

        Assert.Equal(
            [("check-sum", "checksum mismatch"), ("check-max", "nbgrader metadata changed")],
            tampering.Select(t => (t.Name, t.Detail)));
    }

    [Fact]
    public void A_deleted_check_cell_is_reinserted_where_the_source_has_it()
    {
        Notebook submission = Submission();
        submission.Cells.RemoveAt(2);
        submission.Cells.Add(Cell.CreateCode("// the student's own scratch cell", "scratch"));

        LockedCellRestoration restored = LockedCells.Restore(submission, Source());

        Assert.Equal(("check-sum", TamperingKind.Deleted), restored.Tampering.Select(t => (t.Name, t.Kind)).Single());
        Assert.Equal(
            ["intro", "sum-cell", "check-sum-cell", "max-cell", "check-max-cell", "scratch"],
            restored.Notebook.Cells.Select(c => c.Id));
    }

    [Fact]
    public void A_deleted_first_cell_goes_back_before_the_next_one()
    {
        Notebook submission = Submission();
        submission.Cells.RemoveAt(0);

        LockedCellRestoration restored = LockedCells.Restore(submission, Source());

        Assert.Equal(TamperingKind.Deleted, restored.Tampering.Single().Kind);
        Assert.Equal("intro", restored.Notebook.Cells[0].Id);
        Assert.Equal(5, restored.Notebook.Cells.Count);
    }

    [Fact]
    public void A_duplicated_check_cell_keeps_one_restored_copy()
    {
        Notebook submission = Submission();
        Cell copy = submission.Cells[4].Clone();
        copy.Id = "copy";
        copy.Source = "Check(true);";
        submission.Cells.Add(copy);

        LockedCellRestoration restored = LockedCells.Restore(submission, Source());

        Assert.Equal(("check-max", TamperingKind.Duplicated, "1 extra copy removed"), restored.Tampering.Select(t => (t.Name, t.Kind, t.Detail)).Single());
        Assert.Equal(5, restored.Notebook.Cells.Count);
        Assert.Equal("Check(Max(data) == 3);", restored.Notebook.Cells[4].Source);
    }

    [Fact]
    public void Restoring_changes_neither_the_submission_nor_the_source()
    {
        Notebook submission = Submission();
        submission.Cells.RemoveAt(2);
        submission.Cells[0].Source = "edited";
        Notebook source = Source();
        string submissionBefore = IpynbWriter.Serialize(submission);
        string sourceBefore = IpynbWriter.Serialize(source);

        LockedCellRestoration restored = LockedCells.Restore(submission, source);

        Assert.Equal(2, restored.Tampering.Count);
        Assert.Equal(submissionBefore, IpynbWriter.Serialize(submission));
        Assert.Equal(sourceBefore, IpynbWriter.Serialize(source));
    }

    [Fact]
    public void Restored_cells_have_no_outputs()
    {
        Notebook submission = Submission();
        submission.Cells[4].SetOutputs([Output.Stream("stdout", "forged: all checks passed\n")]);

        LockedCellRestoration restored = LockedCells.Restore(submission, Source());

        Assert.Empty(restored.Notebook.Cells[4].Outputs);
        Assert.True(restored.Untouched);
    }
}
