using Course.Grading.Output;
using Course.Grading.Results;
using static Course.Grading.Tests.Results;

namespace Course.Grading.Tests;

/// <summary>
/// Issue #19: templated text reads as English. A status word is no sentence ("Notebook missing notebooks."), and the
/// class summary shows every check's whole title, however long.
/// </summary>
public sealed class PlainWordingTests
{
    [Theory]
    [InlineData(NotebookStatus.Missing, "Not graded: 02-b.ipynb was not in the submission.")]
    [InlineData(NotebookStatus.Unreadable, "Not graded: 02-b.ipynb could not be read as a notebook.")]
    [InlineData(NotebookStatus.Empty, "Not graded: 02-b.ipynb has no cells.")]
    [InlineData(NotebookStatus.FromAnotherModule, "Not graded: 02-b.ipynb holds none of this notebook's cells (is it from another module?).")]
    [InlineData(NotebookStatus.NotFinished, "Not graded: 02-b.ipynb did not finish: grading stopped before its checks ran.")]
    [InlineData(NotebookStatus.Ready, "Not graded: 02-b.ipynb was not graded (ready).")]
    [InlineData(NotebookStatus.Ran, null)]
    public void A_notebook_status_is_a_sentence(NotebookStatus status, string? sentence) =>
        Assert.Equal(sentence, NotebookStatusText.Sentence(new NotebookOutcome("02-b.ipynb", status, [])));

    [Fact]
    public void Feedback_says_why_a_notebook_did_not_run_once_and_in_words()
    {
        var result = Submission("amy", Check("x", "01-a.ipynb", 2, true), Check("y", "02-b.ipynb", 3, false)) with
        {
            Status = SubmissionStatus.MissingNotebooks,
            Notebooks = [new NotebookOutcome("01-a.ipynb", NotebookStatus.Unreadable, ["01-a.ipynb is not a readable notebook: cell 2: bad"]), new NotebookOutcome("02-b.ipynb", NotebookStatus.NotFinished, [])],
        };

        string markdown = FeedbackWriter.ToMarkdown(result);
        string html = FeedbackWriter.ToHtml(result);

        Assert.DoesNotContain("Notebook unreadable notebook", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Not graded: 01-a.ipynb", markdown, StringComparison.Ordinal);
        Assert.Contains("01-a.ipynb is not a readable notebook: cell 2: bad", markdown, StringComparison.Ordinal);
        Assert.Contains("Not graded: 02-b.ipynb did not finish: grading stopped before its checks ran.", markdown, StringComparison.Ordinal);
        Assert.Contains("<p class=\"warn\">Not graded: 02-b.ipynb did not finish: grading stopped before its checks ran.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_shows_a_long_check_title_whole_in_a_table_cell()
    {
        string title = "Edge cases: batch size 1, equal to and larger than the dataset, empty and one-sample datasets, and then some more words";
        var results = new[]
        {
            Submission("amy", Check("x", "03-dataloader.ipynb", 2, true) with { Title = title }),
            Submission("bob", Check("x", "03-dataloader.ipynb", 2, false) with { Title = title }),
        };

        string html = ClassSummaryWriter.ToHtml(results);

        Assert.Contains($"<tr><td>03-dataloader.ipynb</td><td>{title}</td><td class=\"rate\">50%</td><td><div class=\"bar\"><div style=\"width:50%\"></div></div></td></tr>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("text-anchor=\"end\"", html, StringComparison.Ordinal);
    }
}
