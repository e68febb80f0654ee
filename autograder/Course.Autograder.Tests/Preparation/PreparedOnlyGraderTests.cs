namespace Course.Autograder.Tests.Preparation;

/// <summary>A grader made for prepared submissions has no sources to prepare a folder with, and says so.</summary>
public sealed class PreparedOnlyGraderTests
{
    [Fact]
    public async Task Grading_a_folder_without_the_module_is_refused_with_what_to_do()
    {
        var grader = new SubmissionGrader(new GraderOptions());

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => grader.GradeAsync("submissions/alice"));

        Assert.Equal("This grader was created for prepared submissions only: create it with the module's notebooks to grade a submission folder.", e.Message);
    }

    [Fact]
    public async Task A_null_prepared_submission_is_refused_naming_the_parameter()
    {
        var grader = new SubmissionGrader(new GraderOptions());

        var e = await Assert.ThrowsAsync<ArgumentNullException>(() => grader.GradeAsync((Course.Autograder.Preparation.PreparedSubmission)null!));

        Assert.Equal("prepared", e.ParamName);
    }
}
