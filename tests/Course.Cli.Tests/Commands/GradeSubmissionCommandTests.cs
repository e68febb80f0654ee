namespace Course.Cli.Tests.Commands;

/// <summary>The bad-input paths of <c>course grade-submission</c>; grading itself is tested end to end through <c>course grade</c>.</summary>
public sealed class GradeSubmissionCommandTests
{
    [Fact]
    public async Task A_missing_submission_is_a_usage_error_naming_it()
    {
        using var temp = new TempFolder("course-grade-submission-");
        string missing = temp.File("nobody");

        CliRun run = await CliRun.Of("grade-submission", missing, "--result", temp.File("result.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"course grade-submission: '{missing}' does not exist.\n", run.Error);
        Assert.False(File.Exists(temp.File("result.json")));
    }

    [Fact]
    public async Task A_folder_that_was_not_prepared_is_refused_with_the_missing_manifest_named()
    {
        using var temp = new TempFolder("course-grade-submission-");
        Directory.CreateDirectory(temp.File("alice"));

        CliRun run = await CliRun.Of("grade-submission", temp.File("alice"), "--prepared", "--result", temp.File("result.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"course grade-submission: '{temp.File("alice")}' is not a prepared submission: it has no prepared.json.\n", run.Error);
        Assert.False(File.Exists(temp.File("result.json")));
    }
}
