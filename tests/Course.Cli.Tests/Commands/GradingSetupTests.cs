using Course.Autograder.Grading;
using Course.Cli.Grading;

namespace Course.Cli.Tests.Commands;

/// <summary>
/// The steps <c>course grade</c> takes before it grades, one at a time: each refuses with the line the user is told
/// (after <c>course grade: </c>, exit code 2), or returns what grading needs.
/// </summary>
public sealed class GradingSetupTests
{
    [Fact]
    public void A_runner_account_with_more_than_one_job_asked_for_is_refused()
    {
        var e = Assert.Throws<GradeRefusedException>(() => GradingSetup.Account("course-runner", 4, jobsGiven: true));

        Assert.Equal(["--runner-user grades one submission at a time, but --jobs was 4."], e.Lines);
    }

    [Fact]
    public void No_runner_account_keeps_the_jobs() =>
        Assert.Equal((null, 3), GradingSetup.Account(null, 3, jobsGiven: true));

    [Fact]
    public void An_unknown_runner_account_is_refused_naming_the_option()
    {
        var e = Assert.Throws<GradeRefusedException>(() => GradingSetup.Account("no-such-account-here", 4, jobsGiven: false));

        Assert.StartsWith("--runner-user: ", Assert.Single(e.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_folder_that_is_not_there_is_refused_naming_the_option()
    {
        var e = Assert.Throws<GradeRefusedException>(() => GradingSetup.Module("/no/such/sources"));

        Assert.StartsWith("--source: ", Assert.Single(e.Lines), StringComparison.Ordinal);
        Assert.IsType<DirectoryNotFoundException>(e.InnerException);
    }

    [Fact]
    public void A_runner_the_build_did_not_lay_out_is_refused_saying_how_to_build_it()
    {
        using var folder = new TempFolder("grading-setup-");

        var e = Assert.Throws<GradeRefusedException>(() => GradingSetup.Runner(new RunnerProgram(folder.Path)));

        Assert.Equal($"the grading runner is not laid out in {folder.Path}; build src/Course.Cli again (dotnet build src/Course.Cli).", e.Message);
    }

    [Fact]
    public void An_output_folder_that_is_a_file_is_refused_and_a_new_one_is_made()
    {
        using var folder = new TempFolder("grading-setup-");
        File.WriteAllText(folder.File("taken"), "");

        var e = Assert.Throws<GradeRefusedException>(() => GradingSetup.OutputFolder(folder.File("taken")));

        Assert.StartsWith($"--out {folder.File("taken")} cannot be made a folder: ", e.Message, StringComparison.Ordinal);
        Assert.True(Directory.Exists(GradingSetup.OutputFolder(folder.File("out/grades"))));
    }

    [Fact]
    public void Arguments_that_are_no_submissions_are_refused_one_line_each()
    {
        using var folder = new TempFolder("grading-setup-");
        File.WriteAllText(folder.File("notes.txt"), "my notes");
        var module = GradingSetup.Module(null);

        var e = Assert.Throws<GradeRefusedException>(() => GradingSetup.Submissions([folder.File("notes.txt"), folder.File("nowhere")], module));

        Assert.Equal(2, e.Lines.Count);
        Assert.Equal(string.Join(Environment.NewLine, e.Lines), e.Message);
    }

    [Fact]
    public void Without_the_sandbox_on_purpose_no_account_is_dropped_and_the_reason_says_so()
    {
        using var folder = new TempFolder("grading-setup-");

        var sandbox = GradingSetup.Sandbox(noSandbox: true, new RunnerProgram(folder.Path), folder.Path);

        Assert.Equal((false, "--no-sandbox was given"), (sandbox.IsAvailable, sandbox.Reason));
        Assert.Null(GradingSetup.AccountFor(sandbox, null, folder.Path));
    }
}
