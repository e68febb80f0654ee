namespace Course.Samples;

/// <summary>The generator's command line, parsed.</summary>
/// <param name="Output">The folder the sample folders are written into; null when not given.</param>
/// <param name="Root">The course repository to read the notebooks from; null to find it above the program.</param>
/// <param name="Help">Whether <c>--help</c> was asked for (everything else is then ignored).</param>
public sealed record SamplesOptions(string? Output, string? Root, bool Help)
{
    /// <summary>The text <c>--help</c> prints.</summary>
    public const string Usage = """
        Course.Samples: builds the bundled sample submissions (autograder/samples/README.md says what each one is).

        Each sample is the released student notebooks (notebooks/student) with their solution cells filled in: with
        the reference solutions of notebooks/source, with the alternative solutions compiled in this project
        (autograder/Course.Samples/Cells), or with a reference solution broken on purpose.

        Usage: dotnet run --project autograder/Course.Samples -- --out <folder> [--root <repository>]

          --out <folder>      where the samples go; autograder/samples to rebuild the bundled ones. The folders
                              complete-different, partial, compile-error, infinite-loop and shuffles-data in it
                              are REPLACED (deleted and written again); nothing else in it is touched
          --root <folder>     the course repository (the folder with Course.sln) to read the notebooks from;
                              default: the one this program was built in
          --help              print this text

        Exit codes: 0 written; 1 the notebooks or cells do not fit together (the message says what to change);
        2 bad command line.
        """;

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="SampleBuildException">An unknown option or a missing value (a usage error).</exception>
    public static SamplesOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? output = null, root = null;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h" or "-?":
                    return new SamplesOptions(null, null, Help: true);
                case "--out":
                    output = Value(args, ref i);
                    break;
                case "--root":
                    root = Value(args, ref i);
                    break;
                default:
                    throw new SampleBuildException($"Unknown argument '{args[i]}'. Run with --help for the usage.", isUsage: true);
            }
        }

        // No default output folder: the tool replaces folders, so where is always the user's choice.
        return output is null
            ? throw new SampleBuildException("Missing --out <folder> (autograder/samples rebuilds the bundled samples). Run with --help for the usage.", isUsage: true)
            : new SamplesOptions(output, root, Help: false);
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new SampleBuildException($"Option {args[i]} needs a value. Run with --help for the usage.", isUsage: true);
        }

        return args[++i];
    }
}
