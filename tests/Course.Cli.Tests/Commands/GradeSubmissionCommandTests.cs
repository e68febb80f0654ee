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
    public async Task The_grading_runner_refuses_a_folder_course_grade_did_not_prepare_naming_the_missing_manifest()
    {
        using var temp = new TempFolder("course-grade-submission-");
        Directory.CreateDirectory(temp.File("alice"));
        string runner = Path.Combine(Course.Cli.Commands.GradeCommand.RunnerFolder(), "course-runner.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (string argument in new[] { runner, temp.File("alice"), temp.File("work") })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Close();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith($"course-runner: '{Path.Combine(temp.File("alice"), "runner.json")}' is not a runner manifest: ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("work")));
    }
}
