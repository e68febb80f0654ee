namespace Course.Withhold.Cli;

/// <summary>The tool's command line, parsed.</summary>
/// <param name="Policy">The policy file.</param>
/// <param name="OutputDirectory">The folder the editions go to.</param>
/// <param name="Inputs">The assemblies to make editions of.</param>
/// <param name="KeyFile">A strong-name key file to sign editions of signed assemblies with, or null.</param>
/// <param name="Help">Whether <c>--help</c> was asked for (everything else is then ignored).</param>
public sealed record CommandLineOptions(string Policy, string OutputDirectory, IReadOnlyList<string> Inputs, string? KeyFile, bool Help)
{
    /// <summary>The usage text <c>--help</c> prints.</summary>
    public const string Usage = """
        Course.Withhold: makes withheld editions of assemblies, for the grading runner.

        A withheld edition has the same identity and exactly the same public surface as the original, but
        the bodies of the reference answers the policy names throw TinyTorch.Grading.ReferenceWithheldException,
        forwarded members call TinyTorch.Grading.WithheldReference.Forwarder, and private helpers only the
        answers use are removed. The tool verifies every edition before writing it.

        Usage: Course.Withhold --policy <file> --out <folder> [--key-file <snk>] <assembly>...

          --policy <file>     the policy (see autograder/withheld.json)
          --out <folder>      where the editions go, under their original file names
          --key-file <snk>    re-sign editions of strong-named assemblies with this key
          --help              print this text

        Exit codes: 0 written; 2 bad command line; 3 an input is missing or not an assembly;
        4 the policy is malformed or names something the assembly lacks; 5 a kept member needs a
        withheld one (the message gives the path); 6 an edition failed verification; 7 cannot write;
        1 a defect of the tool.
        """;

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="WithholdException">An unknown option, a missing value or no input (<see cref="ExitCode.Usage"/>).</exception>
    public static CommandLineOptions Parse(IReadOnlyList<string> args)
    {
        string? policy = null, output = null, key = null;
        var inputs = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--help" or "-h" or "-?":
                    return new CommandLineOptions("", "", [], null, Help: true);
                case "--policy":
                    policy = Value(args, ref i);
                    break;
                case "--out":
                    output = Value(args, ref i);
                    break;
                case "--key-file":
                    key = Value(args, ref i);
                    break;
                case "--":
                    inputs.AddRange(args.Skip(i + 1));
                    i = args.Count;
                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        throw new WithholdException(ExitCode.Usage, $"Unknown option '{arg}'. Run with --help for the usage.");
                    }

                    inputs.Add(arg);
                    break;
            }
        }

        if (policy is null || output is null || inputs.Count == 0)
        {
            string missing = policy is null ? "--policy" : output is null ? "--out" : "an input assembly";
            throw new WithholdException(ExitCode.Usage, $"Missing {missing}. Run with --help for the usage.");
        }

        return new CommandLineOptions(policy, output, inputs, key, Help: false);
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        string option = args[i];
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new WithholdException(ExitCode.Usage, $"Option {option} needs a value. Run with --help for the usage.");
        }

        return args[++i];
    }
}
