namespace Course.Cli.Tests.Commands;

public sealed class HelpTests
{
    [Fact]
    public async Task The_root_help_lists_the_verbs()
    {
        CliRun run = await CliRun.Of("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("run", run.Output, StringComparison.Ordinal);
        Assert.Contains("demo", run.Output, StringComparison.Ordinal);
        Assert.Contains("bench-engine", run.Output, StringComparison.Ordinal);
        Assert.Contains("release", run.Output, StringComparison.Ordinal);
        Assert.Contains("validate", run.Output, StringComparison.Ordinal);
        Assert.Contains("grade-submission", run.Output, StringComparison.Ordinal);
        Assert.Contains("kernel", run.Output, StringComparison.Ordinal);
        Assert.Contains("gradescope", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "--keep-going")]
    [InlineData("run", "--timeout <SECONDS>")]
    [InlineData("run", "--out <DIR>")]
    [InlineData("run", "<NOTEBOOK>...")]
    [InlineData("run", "--check <ID>")]
    [InlineData("run", "--allow-failed-checks")]
    [InlineData("demo", "--batch-size")]
    [InlineData("bench-engine", "--cells")]
    [InlineData("release", "<SOURCE>...")]
    [InlineData("release", "--out <DIR>")]
    [InlineData("release", "--solutions")]
    [InlineData("validate", "<DIR>...")]
    [InlineData("validate", "--timeout <SECONDS>")]
    [InlineData("grade", "<SUBMISSION>...")]
    [InlineData("grade", "--force")]
    [InlineData("grade", "--jobs <N>")]
    [InlineData("grade", "--no-sandbox")]
    [InlineData("grade", "--cpu-time <SECONDS>")]
    [InlineData("grade", "--due <DATE>")]
    [InlineData("grade", "--late-penalty <RULE>")]
    [InlineData("grade", "--runner-user <ACCOUNT>")]
    [InlineData("grade-submission", "--result <FILE>")]
    [InlineData("gradescope", "build")]
    [InlineData("gradescope build", "--hidden <VISIBILITY>")]
    [InlineData("gradescope build", "--out <FILE>")]
    [InlineData("gradescope run", "--root <DIR>")]
    [InlineData("grade-submission", "--work <DIR>")]
    [InlineData("kernel", "install")]
    [InlineData("kernel install", "--name <NAME>")]
    [InlineData("kernel uninstall", "--name <NAME>")]
    [InlineData("kernel start", "--connection-file")]
    public async Task Every_command_has_help(string command, string expected)
    {
        CliRun run = await CliRun.Of([.. command.Split(' '), "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_without_a_notebook_is_a_usage_error()
    {
        CliRun run = await CliRun.Of("run");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("NOTEBOOK", run.Error, StringComparison.Ordinal);
    }
}
