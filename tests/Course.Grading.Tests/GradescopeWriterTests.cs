using System.Text.Json;
using Course.Grading.Output;
using static Course.Grading.Tests.Results;

namespace Course.Grading.Tests;

public sealed class GradescopeWriterTests
{
    private static readonly Course.Grading.Results.SubmissionResult Amy =
        Submission("amy", Check("vis", "01-a.ipynb", 2, true), Check("hid", "02-b.ipynb", 3, false, hidden: true)) with { Seconds = 41.2 };

    [Fact]
    public void It_says_how_long_grading_took_in_whole_seconds()
    {
        using var doc = JsonDocument.Parse(GradescopeWriter.ToJson(Amy));

        Assert.Equal(42, doc.RootElement.GetProperty("execution_time").GetInt32());
    }

    [Theory]
    [InlineData(GradescopeWriter.AfterPublished)]
    [InlineData(GradescopeWriter.Hidden)]
    public void Hidden_checks_take_the_visibility_the_instructor_chose(string visibility)
    {
        using var doc = JsonDocument.Parse(GradescopeWriter.ToJson(Amy, visibility));
        var tests = doc.RootElement.GetProperty("tests").EnumerateArray().ToArray();

        Assert.Equal("visible", tests[0].GetProperty("visibility").GetString());
        Assert.Equal(visibility, tests[1].GetProperty("visibility").GetString());
    }

    [Theory]
    [InlineData("visible")]
    [InlineData("after_due_date")]
    [InlineData("")]
    public void A_visibility_that_would_show_hidden_checks_early_is_refused(string visibility)
    {
        var e = Assert.Throws<ArgumentException>(() => GradescopeWriter.ToJson(Amy, visibility));

        Assert.Contains($"not '{visibility}'", e.Message, StringComparison.Ordinal);
        Assert.Equal("hiddenVisibility", e.ParamName);
    }
}
