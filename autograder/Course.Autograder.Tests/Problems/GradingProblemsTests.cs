using Course.Autograder.Problems;
using Course.Grading.Results;

namespace Course.Autograder.Tests.Problems;

public sealed class GradingProblemsTests
{
    private static readonly ProblemLocation A = new("a.ipynb");

    [Fact]
    public void No_problems_means_graded_with_no_reason()
    {
        Assert.Equal(new SubmissionVerdict(SubmissionStatus.Graded, ""), new GradingProblems().Verdict());
    }

    [Fact]
    public void The_most_serious_status_wins_and_its_problems_come_first_in_the_reason()
    {
        var problems = new GradingProblems();
        problems.Add(new Problem(A with { Cell = 3 }, SubmissionStatus.ErrorInCell, "a.ipynb cell 3 threw System.Exception: x"));
        problems.Add(new Problem(A with { Cell = 2 }, SubmissionStatus.CompileError, "Compile error in a.ipynb cell 2, line 1, column 1: error CS1002: ; expected"));
        problems.Add(new Problem(A with { Cell = 4 }, SubmissionStatus.OutputCapped, "a.ipynb cell 4 printed too much"));

        var (status, reason) = problems.Verdict();

        Assert.Equal(SubmissionStatus.CompileError, status);
        Assert.StartsWith("Compile error in a.ipynb cell 2, line 1", reason, StringComparison.Ordinal);
        Assert.EndsWith("(2 more problems, listed notebook by notebook in the feedback.)", reason, StringComparison.Ordinal);
        Assert.Equal(["a.ipynb"], problems.NotebooksWith(SubmissionStatus.CompileError));
        Assert.Empty(problems.NotebooksWith(SubmissionStatus.TimedOut));
    }

    [Fact]
    public void At_most_three_problems_of_the_winning_status_are_spelled_out()
    {
        var problems = new GradingProblems();
        for (int cell = 1; cell <= 5; cell++)
        {
            problems.Add(new Problem(A with { Cell = cell }, SubmissionStatus.ErrorInCell, $"a.ipynb cell {cell} threw System.Exception: x"));
        }

        var (_, reason) = problems.Verdict();

        Assert.Contains("cell 3 threw", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("cell 4 threw", reason, StringComparison.Ordinal);
        Assert.EndsWith("(2 more problems, listed notebook by notebook in the feedback.)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_order_of_the_statuses_is_their_severity_a_dead_process_first_and_graded_last()
    {
        // The rank table this replaced, most serious first: the enum's order must be exactly it.
        SubmissionStatus[] bySeverity =
        [
            SubmissionStatus.Crashed, SubmissionStatus.OutOfMemory, SubmissionStatus.ExitedEarly, SubmissionStatus.TimedOut,
            SubmissionStatus.CallsReference, SubmissionStatus.LockedCellRestored, SubmissionStatus.MissingNotebooks,
            SubmissionStatus.UnreadableNotebook, SubmissionStatus.EmptyNotebook, SubmissionStatus.WrongNotebook,
            SubmissionStatus.CompileError, SubmissionStatus.BlockedBySandbox, SubmissionStatus.ErrorInCell,
            SubmissionStatus.OutputCapped, SubmissionStatus.Graded,
        ];

        Assert.Equal(bySeverity, Enum.GetValues<SubmissionStatus>().Order());
        Assert.True(SubmissionStatus.CallsReference < SubmissionStatus.CompileError);
    }

    [Fact]
    public void Every_status_wins_over_every_less_serious_one()
    {
        var statuses = Enum.GetValues<SubmissionStatus>().Where(s => s != SubmissionStatus.Graded).ToArray();
        foreach (var serious in statuses)
        {
            foreach (var lesser in statuses.Where(s => s > serious))
            {
                var problems = new GradingProblems();
                problems.Add(new Problem(A, lesser, "the lesser one"));
                problems.Add(new Problem(A, serious, "the serious one"));

                Assert.Equal(new SubmissionVerdict(serious, "the serious one. (1 more problem, listed notebook by notebook in the feedback.)"), problems.Verdict());
            }
        }
    }

    [Fact]
    public void An_empty_message_is_refused_naming_the_parameter()
    {
        var e = Assert.Throws<ArgumentException>(() => new Problem(A, SubmissionStatus.ErrorInCell, ""));
        Assert.Equal("message", e.ParamName);
    }

    [Theory]
    [InlineData(SubmissionStatus.Graded)]
    [InlineData((SubmissionStatus)99)]
    public void A_status_that_is_no_problem_is_refused_naming_it(SubmissionStatus status)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Problem(A, status, "text"));
        Assert.Equal("status", e.ParamName);
        Assert.StartsWith($"A problem's status is a problem, not {status}.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_without_a_location_is_refused()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new Problem(null!, SubmissionStatus.ErrorInCell, "text"));
        Assert.Equal("location", e.ParamName);
    }
}
