using System.CommandLine;
using Course.Cli.Commands;

namespace Course.Cli;

/// <summary>The <c>course</c> root command and the verbs registered under it.</summary>
public static class CourseCommand
{
    /// <summary>Builds the root command with every verb.</summary>
    /// <returns>The root command.</returns>
    public static RootCommand Create()
    {
        var root = new RootCommand("The Module 05 course kit: run notebooks, try the data loader, and more.");
        foreach (Command verb in Verbs())
        {
            root.Add(verb);
        }

        return root;
    }

    /// <summary>Parses and runs a command line, writing to the given writers instead of the console.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="output">Where normal output goes (help, progress, summaries).</param>
    /// <param name="error">Where error messages go.</param>
    /// <param name="cancellationToken">Stops the command (Ctrl+C does the same for the real process).</param>
    /// <returns>The exit code.</returns>
    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    /// <summary>
    /// Parses a command line as <see cref="InvokeAsync"/> does. Response files are off: with them, an argument
    /// <c>@name</c> (a submission so named, expanded by a shell wildcard) would make the parser read the file
    /// <c>name</c> as more arguments, options included.
    /// </summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <returns>The parse result.</returns>
    public static ParseResult Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Create().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
    }

    /// <summary>The verbs, in the order <c>--help</c> lists them. Add a new verb here.</summary>
    private static IEnumerable<Command> Verbs() =>
    [
        RunCommand.Create(),
        ReleaseCommand.Create(),
        ValidateCommand.Create(),
        DemoCommand.Create(),
        BenchEngineCommand.Create(),
        GradeCommand.Create(),
        GradeSubmissionCommand.Create(),
        GradescopeCommand.Create(),
        KernelCommand.Create(),
    ];
}
