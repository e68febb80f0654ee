using Course.Autograder.Verdict;
using Course.Grading.Results;

namespace Course.Autograder.Tests.Verdict;

public sealed class GradingProblemsTests
{
    [Fact]
    public void No_problems_means_graded_with_no_reason()
    {
        Assert.Equal((SubmissionStatus.Graded, ""), new GradingProblems().Verdict());
    }

    [Fact]
    public void The_most_serious_status_wins_and_its_problems_come_first_in_the_reason()
    {
        var problems = new GradingProblems();
        problems.Add(SubmissionStatus.ErrorInCell, "a.ipynb cell 3 threw System.Exception: x");
        problems.Add(SubmissionStatus.CompileError, "Compile error in a.ipynb cell 2, line 1, column 1: error CS1002: ; expected");
        problems.Add(SubmissionStatus.OutputCapped, "a.ipynb cell 4 printed too much");

        var (status, reason) = problems.Verdict();

        Assert.Equal(SubmissionStatus.CompileError, status);
        Assert.StartsWith("Compile error in a.ipynb cell 2, line 1", reason, StringComparison.Ordinal);
        Assert.EndsWith("(2 more problems, listed notebook by notebook in the feedback.)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void At_most_three_problems_of_the_winning_status_are_spelled_out()
    {
        var problems = new GradingProblems();
        for (int cell = 1; cell <= 5; cell++)
        {
            problems.Add(SubmissionStatus.ErrorInCell, $"a.ipynb cell {cell} threw System.Exception: x");
        }

        var (_, reason) = problems.Verdict();

        Assert.Contains("cell 3 threw", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("cell 4 threw", reason, StringComparison.Ordinal);
        Assert.EndsWith("(2 more problems, listed notebook by notebook in the feedback.)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Severity_puts_a_dead_process_first_and_graded_last()
    {
        Assert.Equal(SubmissionStatus.Crashed, SubmissionStatus.All[0]);
        Assert.Equal(SubmissionStatus.Graded, SubmissionStatus.All[^1]);
        Assert.True(SubmissionStatus.Rank(SubmissionStatus.CallsReference) < SubmissionStatus.Rank(SubmissionStatus.CompileError));
        Assert.True(SubmissionStatus.Rank("some new status") < SubmissionStatus.Rank(SubmissionStatus.Graded));
    }

    [Theory]
    [InlineData("", "text", "status")]
    [InlineData("error in cell", "", "text")]
    public void Empty_status_or_text_is_refused_naming_the_parameter(string status, string text, string parameter)
    {
        var e = Assert.Throws<ArgumentException>(() => new GradingProblems().Add(status, text));
        Assert.Equal(parameter, e.ParamName);
    }
}
