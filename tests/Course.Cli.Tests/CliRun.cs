namespace Course.Cli.Tests;

/// <summary>Runs the <c>course</c> command line in-process and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs <c>course ARGS</c>.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>Exit code and captured output.</returns>
    public static async Task<CliRun> Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = await CourseCommand.InvokeAsync(args, output, error);
        return new CliRun(exitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>The last non-empty line of standard output.</summary>
    public string LastLine => Output.TrimEnd('\n').Split('\n')[^1];

    /// <summary>The last two lines of standard output: <c>course run</c>'s <c>cells:</c> and <c>checks:</c> counts.</summary>
    public IReadOnlyList<string> ClosingLines => Output.TrimEnd('\n').Split('\n')[^2..];
}
