// Entry point of the benchmarks: `dotnet run -c Release --project tests/Benchmarks -- <suite> [options]`.
// Each suite lives in its own folder and prints its own table; see docs/PERFORMANCE.md.
using Benchmarks.Grading;
using Benchmarks.Loader;
using Benchmarks.Prefetch;

string suite = args.Length > 0 ? args[0] : "--help";
string[] rest = args.Length > 0 ? args[1..] : [];
return suite switch
{
    "loader" => LoaderBenchmark.Run(rest, Console.Out),
    "prefetch" => PrefetchBenchmark.Run(rest, Console.Out),
    "grading-speed" => GradingSpeedBenchmark.Run(rest, Console.Out),
    "grading-steadiness" => GradingSteadinessBenchmark.Run(rest, Console.Out),
    _ => Usage(args),
};

static int Usage(string[] args)
{
    Console.WriteLine("""
        Usage: dotnet run -c Release --project tests/Benchmarks -- <suite> [options]

        Suites:
          loader     The reference DataLoader against the gather-copy limit (docs/PERFORMANCE.md,
                     "Loader throughput"); `loader --quick` runs in under 2 minutes.
          prefetch   Prefetching workers hiding load latency behind compute (docs/PERFORMANCE.md).
          grading-speed        Seconds per submission when grading a class, and where they go.
          grading-steadiness   The samples' grades, again and again, beside CPU-bound processes.

        Run a suite with --help for its options.
        """);
    return args.Length > 0 && args[0] is not ("--help" or "-h") ? 2 : 0;
}
