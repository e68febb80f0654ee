using System.Globalization;

namespace Benchmarks.Prefetch;

/// <summary>The prefetch suite's command line.</summary>
internal sealed record PrefetchOptions
{
    public const string Help = """
        Usage: dotnet run -c Release --project tests/Benchmarks -- prefetch [options]

        Feeds a simulated accelerator (a sleep of --step-ms per batch) from a DataLoader whose dataset
        waits --load-ms per sample (I/O-like latency), with 0, 1 and 2 workers, and compares each epoch
        with its ideal: load + compute without workers, max(load / workers, compute) with them.

        Options:
          --batches N       batches per epoch (default 150)
          --batch-size N    samples per batch (default 4)
          --load-ms X       load latency per sample, in ms (default 2)
          --step-ms X       accelerator step per batch, in ms (default 5)
          --workers A,B,..  worker counts to run (default 0,1,2)
          --prefetch N      the loader's prefetchFactor (default 2)
          --repeats N       epochs per worker count; the median is reported (default 3)
          --tolerance X     allowed excess over the ideal, as a fraction (default 0.15)
          --html FILE       also save the starvation timeline of the last repetition as an offline HTML chart
          --help            this text
        """;

    public int Batches { get; init; } = 150;

    public int BatchSize { get; init; } = 4;

    public double LoadMilliseconds { get; init; } = 2;

    public double StepMilliseconds { get; init; } = 5;

    public int[] Workers { get; init; } = [0, 1, 2];

    public int PrefetchFactor { get; init; } = 2;

    public int Repeats { get; init; } = 3;

    public double Tolerance { get; init; } = 0.15;

    public string? HtmlPath { get; init; }

    public bool ShowHelp { get; init; }

    public static PrefetchOptions Parse(string[] args)
    {
        var options = new PrefetchOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name is "--help" or "-h")
            {
                return options with { ShowHelp = true };
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            string value = args[++i];
            options = name switch
            {
                "--batches" => options with { Batches = PositiveInt(name, value) },
                "--batch-size" => options with { BatchSize = PositiveInt(name, value) },
                "--load-ms" => options with { LoadMilliseconds = NonNegative(name, value) },
                "--step-ms" => options with { StepMilliseconds = NonNegative(name, value) },
                "--workers" => options with { Workers = value.Split(',').Select(w => NonNegativeInt(name, w)).ToArray() },
                "--prefetch" => options with { PrefetchFactor = PositiveInt(name, value) },
                "--repeats" => options with { Repeats = PositiveInt(name, value) },
                "--tolerance" => options with { Tolerance = NonNegative(name, value) },
                "--html" => options with { HtmlPath = value },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        return options;
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 1
            ? n
            : throw new ArgumentException($"{name} takes a whole number of at least 1, not '{value}'.");

    private static int NonNegativeInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 0
            ? n
            : throw new ArgumentException($"{name} takes whole numbers of 0 or more, not '{value}'.");

    private static double NonNegative(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && x >= 0 && double.IsFinite(x)
            ? x
            : throw new ArgumentException($"{name} takes a number of 0 or more, not '{value}'.");
}
