using System.Globalization;

namespace Benchmarks.Loader;

/// <summary>The loader suite's command line.</summary>
internal sealed record LoaderOptions(bool Quick, int Samples, int Warmup, int Epochs, int[] BatchSizes, HashSet<string>? Rows, int SteadyEpochs, bool ShowHelp)
{
    public const string Help = """
        Usage: dotnet run -c Release --project tests/Benchmarks -- loader [options]

        Measures one shuffled epoch per row and batch size, rows interleaved in a fresh random order
        every repetition, and prints medians, GB/s, the ratio of each row to the one-thread gather-copy
        limit, allocation, GC counts and page faults per epoch, and a PASS/FAIL line per target of
        issues 5 and 18. Exit code 0 only if every target passes.

        Options:
          --quick             20,000 samples, 1 warm-up + 5 measured epochs (under 2 minutes on 2 cores).
                              Default: 50,000 samples (CIFAR-10's training set), 2 warm-up + 9 epochs.
          --samples N         Dataset size (at least 20,000, so it stays far beyond the CPU caches).
          --epochs N          Measured epochs per row (at least 5; the table reports medians).
          --warmup N          Unmeasured epochs per row first (JIT tiering, pools, page faults).
          --batch-sizes LIST  Comma-separated batch sizes (default 32,64,256,1024).
          --rows LIST         Only these row keys (the 1-thread limit always runs): limit-1t, limit-2t,
                              naive, new-batch, loader-keep, loader-w0, loader-w1, loader-w2, aug-w0,
                              aug-w1, aug-w2, aug-shared-w0, aug-shared-w2.
          --steady-epochs N   Consecutive epochs, without forced collections, of the new-batch-array row and
                              the pooled loader at B = 64, to show the large-object-heap effect as a
                              training loop sees it (default 8; 0 in quick mode; 0 skips).
          --help              This text.
        """;

    public static LoaderOptions Parse(string[] args)
    {
        bool quick = args.Contains("--quick");
        var options = new LoaderOptions(
            quick,
            Samples: quick ? 20_000 : 50_000,
            Warmup: quick ? 1 : 2,
            Epochs: quick ? 5 : 9,
            BatchSizes: [32, 64, 256, 1024],
            Rows: null,
            SteadyEpochs: quick ? 0 : 8,
            ShowHelp: false);
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--quick" => options,
                "--help" or "-h" => options with { ShowHelp = true },
                "--samples" => options with { Samples = Int(Value(), "--samples", 20_000) },
                "--epochs" => options with { Epochs = Int(Value(), "--epochs", 5) },
                "--warmup" => options with { Warmup = Int(Value(), "--warmup", 0) },
                "--batch-sizes" => options with { BatchSizes = Value().Split(',').Select(v => Int(v, "--batch-sizes", 1)).ToArray() },
                "--steady-epochs" => options with { SteadyEpochs = Int(Value(), "--steady-epochs", 0) },
                "--rows" => options with { Rows = [.. Value().Split(',', StringSplitOptions.TrimEntries)] },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }

        if (options.Rows is { } rows && rows.FirstOrDefault(r => !LoaderRows.All.Any(x => x.Key == r)) is { } unknown)
        {
            throw new ArgumentException($"Unknown row '{unknown}'.");
        }

        return options;
    }

    private static int Int(string text, string option, int minimum)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < minimum)
        {
            throw new ArgumentException($"{option} expects a whole number of at least {minimum}, got '{text}'.");
        }

        return value;
    }
}
