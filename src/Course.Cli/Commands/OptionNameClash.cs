using System.CommandLine;
using System.CommandLine.Parsing;
using Course.Autograder.Preparation;

namespace Course.Cli.Commands;

/// <summary>
/// A word the command line parser took as syntax (an option, an option's value, the <c>--</c> that ends options) which
/// is also the name of a file or folder in the current folder: the mark of a shell wildcard that expanded a
/// submission's name. Run inside the submissions folder, <c>course grade *</c> hands a student's folder named
/// <c>--no-sandbox</c> to the parser as that option, one named <c>--source=x</c> as the instructor's sources, one named
/// <c>--</c> as the end of options (and that student is never graded). Submissions are hostile input, their names too:
/// such a command line is refused rather than guessed at.
/// </summary>
/// <param name="Name">The word, as it is named in the folder.</param>
/// <param name="TakenAs">What the parser took it for: "an option", "an option's value" or "the end of options (--)".</param>
public sealed record OptionNameClash(string Name, string TakenAs)
{
    /// <summary>What <see cref="TakenAs"/> says of an option's value.</summary>
    public const string OptionValue = "an option's value";

    /// <summary>The one line that refuses the command line, naming the word and the way out.</summary>
    /// <param name="command">The command, as the line starts: <c>course grade</c>.</param>
    /// <returns>The line.</returns>
    public string Message(string command) =>
        $"{command}: '{Name}' is both {TakenAs} and a file in this folder: a shell wildcard may have expanded a submission's name; "
        + "name submissions with a path (./*) or after --" + (TakenAs == OptionValue ? $", and option values with a path (./{Name})" : "");

    /// <summary>The first word of <paramref name="parse"/> taken as syntax that names an entry of <paramref name="folder"/>.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="folder">The folder a wildcard would have expanded in: the current folder.</param>
    /// <returns>The clash, or null when there is none.</returns>
    public static OptionNameClash? Find(ParseResult parse, string folder)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return Syntax(parse).FirstOrDefault(word => IsEntry(folder, word.Name));
    }

    // Every word the parser took as syntax, in the forms a single argument can have had: "--out", "x" after it, and
    // "--out=x", "--out:x" or "-ox" given as one word (the parser splits those into the option and its value).
    private static IEnumerable<OptionNameClash> Syntax(ParseResult parse)
    {
        foreach (Token token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                yield return new OptionNameClash(token.Value, "the end of options (--)");
            }
            else if (token.Type == TokenType.Option)
            {
                yield return new OptionNameClash(token.Value, "an option");
                if (parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == token.Value || o.Aliases.Contains(token.Value)) is { } option
                    && parse.GetResult(option) is { } result)
                {
                    foreach (Token value in result.Tokens)
                    {
                        foreach (string joint in new[] { "", "=", ":" })
                        {
                            yield return new OptionNameClash(token.Value + joint + value.Value, "an option");
                        }
                    }
                }
            }
        }

        foreach (OptionResult result in parse.CommandResult.Children.OfType<OptionResult>())
        {
            foreach (Token value in result.Tokens)
            {
                yield return new OptionNameClash(value.Value, OptionValue);
            }
        }
    }

    // Only a bare name can come from a wildcard expanded here; a link counts, dangling or not, since the shell lists it.
    private static bool IsEntry(string folder, string name) =>
        name.Length > 0 && name is not ("." or "..") && Path.GetFileName(name) == name && SubmissionFiles.Exists(Path.Combine(folder, name));
}
