using Course.Grading.LateSubmissions;
using Course.Grading.Output;
using static Course.Grading.Tests.Results;

namespace Course.Grading.Tests.LateSubmissions;

public sealed class LatePenaltyTests
{
    private static readonly DateTimeOffset Due = new(2025, 3, 7, 23, 59, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("none", "none")]
    [InlineData(" Zero ", "zero")]
    [InlineData("5/hour", "5/hour")]
    [InlineData("2.5/day", "2.5/day")]
    [InlineData("10%/day", "10%/day")]
    [InlineData("10 % per day", "10%/day")]
    [InlineData("1/h", "1/hour")]
    public void Parses_what_the_command_line_takes(string text, string expected) =>
        Assert.Equal(expected, LatePenalty.Parse(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("-5/day")]
    [InlineData("0/day")]
    [InlineData("150%/day")]
    [InlineData("5/week")]
    [InlineData("5")]
    [InlineData("1e3/day")]
    public void Refuses_anything_else_quoting_it(string text)
    {
        var e = Assert.Throws<FormatException>(() => LatePenalty.Parse(text));
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Costs_nothing_on_time_or_without_a_timestamp()
    {
        var policy = new LatePolicy(Due, LatePenalty.Zero);
        Assert.Equal(0, policy.Assess(Due, 80, 100).Penalty);
        Assert.Equal(0, policy.Assess(Due.AddDays(-1), 80, 100).Penalty);
        Assert.Equal(Lateness.Unknown, policy.Assess(null, 80, 100));
    }

    [Fact]
    public void Counts_every_started_period_one_second_late_costs_one()
    {
        var policy = new LatePolicy(Due, LatePenalty.Parse("5/hour"));
        Assert.Equal(5, policy.Assess(Due.AddSeconds(1), 80, 100).Penalty);
        Assert.Equal(5, policy.Assess(Due.AddHours(1), 80, 100).Penalty);
        Assert.Equal(10, policy.Assess(Due.AddHours(1).AddSeconds(1), 80, 100).Penalty);
    }

    [Fact]
    public void A_percentage_is_of_the_maximum_and_a_penalty_never_exceeds_the_points_earned()
    {
        var policy = new LatePolicy(Due, LatePenalty.Parse("10%/day"));
        Assert.Equal(21.8, policy.Assess(Due.AddHours(30), 70, 109).Penalty, 6);
        Assert.Equal(30, policy.Assess(Due.AddDays(9), 30, 109).Penalty);
        Assert.Equal(30, new LatePolicy(Due, LatePenalty.Zero).Assess(Due.AddMinutes(1), 30, 109).Penalty);
        Assert.Equal(0, new LatePolicy(Due, LatePenalty.None).Assess(Due.AddDays(3), 30, 109).Penalty);
    }

    [Fact]
    public void The_same_instant_in_another_zone_is_judged_the_same()
    {
        var policy = new LatePolicy(Due, LatePenalty.Zero);
        Assert.Equal(0, policy.Assess(Due.ToOffset(TimeSpan.FromHours(-8)), 50, 100).Penalty);
        Assert.Equal(50, policy.Assess(Due.ToOffset(TimeSpan.FromHours(-8)).AddSeconds(1), 50, 100).Penalty);
    }

    [Theory]
    [InlineData("2025-03-07T23:59:00+01:00")]
    [InlineData("2025-03-07 23:59:00+01:00")]
    [InlineData("2025-03-07T22:59:00Z")]
    public void Reads_a_due_date_with_its_offset(string text) =>
        Assert.Equal(Due, LatePolicy.ParseDue(text));

    [Theory]
    [InlineData("2025-03-07T23:59:00")]
    [InlineData("2025-03-07")]
    [InlineData("next friday")]
    public void Refuses_a_due_date_without_an_offset(string text)
    {
        var e = Assert.Throws<FormatException>(() => LatePolicy.ParseDue(text));
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gradebook_gains_nbgraders_timestamp_and_penalty_columns_and_scores_after_the_penalty()
    {
        var amy = Submission("amy", Check("x", "01-a.ipynb", 4, true), Check("y", "02-b.ipynb", 6, true));
        var bob = Submission("bob", Check("x", "01-a.ipynb", 4, true), Check("y", "02-b.ipynb", 6, false));
        var times = new Dictionary<string, DateTimeOffset> { ["amy"] = Due.AddHours(2) };
        var policy = new LatePolicy(Due, LatePenalty.Parse("1/hour"));

        string[] lines = GradebookWriter.ToCsv([amy, bob], ["01-a.ipynb", "02-b.ipynb"],
            r => policy.Assess(times.TryGetValue(r.StudentId, out var t) ? t : null, r.Score, r.MaxScore)).TrimEnd('\n').Split('\n');

        Assert.Equal("student_id,01-a.ipynb,02-b.ipynb,raw_score,max_score,score,status,reason,timestamp,late_submission_penalty", lines[0]);
        Assert.Equal("amy,4,6,10,10,80,graded,,2025-03-08T01:59:00+01:00,2", lines[1]);
        Assert.Equal("bob,4,0,4,10,40,graded,,,0", lines[2]);
    }
}
