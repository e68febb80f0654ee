namespace Course.Cli.Tests.Commands;

public sealed class AuthoringHelpTests
{
    [Theory]
    [InlineData("release", "<SOURCE>...")]
    [InlineData("release", "--out <DIR>")]
    [InlineData("validate", "<DIR>...")]
    [InlineData("validate", "--timeout <SECONDS>")]
    public async Task Release_and_validate_have_help(string command, string expected)
    {
        CliRun run = await CliRun.Of(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_root_help_lists_release_and_validate()
    {
        CliRun run = await CliRun.Of("--help");

        Assert.Contains("release", run.Output, StringComparison.Ordinal);
        Assert.Contains("validate", run.Output, StringComparison.Ordinal);
    }
}
