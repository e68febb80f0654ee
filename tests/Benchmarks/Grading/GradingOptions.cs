using System.Globalization;
using Course.TestSupport;

namespace Benchmarks.Grading;

/// <summary>The grading suites' command line (both share it; each reads what it needs).</summary>
internal sealed record GradingOptions
{
    public const string SpeedHelp = """
        Usage: dotnet run -c Release --project tests/Benchmarks -- grading-speed [options]

        Grades --copies copies of a correct sample submission with `course grade` (the built src/Course.Cli, Release
        preferred), sandboxed where bubblewrap works, and reports seconds per submission, the projected time for a
        class of 200, and where a submission's time goes: the runner's start, its notebooks, each check.

        Options:
          --copies N    submissions graded (default 20)
          --jobs N      submissions graded at once (default: one per core)
          --sample S    the sample copied, from autograder/samples (default complete-different)
          --help        this text
        """;

    public const string SteadinessHelp = """
        Usage: dotnet run -c Release --project tests/Benchmarks -- grading-steadiness [options]

        Grades the bundled samples --runs times while --burners CPU-bound processes run beside grading, and compares
        every sample's checks with its line in autograder/samples/README.md: a grade must not move with the machine's
        load. With --corpus, each run also runs the adversarial corpus's tests (tests/Course.Cli.Tests, built first),
        which grade their batch beside two CPU-bound processes of their own, as in CI.

        Options:
          --runs N      repetitions (default 10)
          --burners N   busy processes beside the samples' grading (default 2)
          --jobs N      submissions graded at once (default 2)
          --corpus      also run the adversarial corpus each time
          --help        this text
        """;

    public int Copies { get; init; } = 20;

    public int Jobs { get; init; } = Environment.ProcessorCount;

    public string Sample { get; init; } = "complete-different";

    public int Runs { get; init; } = 10;

    public int Burners { get; init; } = CpuBurners.BesideGrading;

    public bool Corpus { get; init; }

    public bool ShowHelp { get; init; }

    public static GradingOptions Parse(string[] args, GradingOptions defaults)
    {
        var options = defaults;
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name is "--help" or "-h")
            {
                return options with { ShowHelp = true };
            }

            if (name == "--corpus")
            {
                options = options with { Corpus = true };
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            string value = args[++i];
            options = name switch
            {
                "--copies" => options with { Copies = Whole(name, value, 1) },
                "--jobs" => options with { Jobs = Whole(name, value, 1) },
                "--sample" => options with { Sample = value },
                "--runs" => options with { Runs = Whole(name, value, 1) },
                "--burners" => options with { Burners = Whole(name, value, 0) },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        return options;
    }

    private static int Whole(string name, string value, int least) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= least
            ? n
            : throw new ArgumentException($"{name} takes a whole number of at least {least}, not '{value}'.");
}
