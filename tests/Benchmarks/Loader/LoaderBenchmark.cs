using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using TinyTorch.Analysis.Measurement;

namespace Benchmarks.Loader;

/// <summary>
/// The loader suite (issues 5 and 18): every row of <see cref="LoaderRows.All"/> at every batch size, one shuffled
/// epoch per measurement, rows interleaved so machine noise hits them alike, each ratio taken against
/// epochs of the one-thread gather-copy limit measured within seconds of it. Prints Markdown tables
/// for docs/PERFORMANCE.md and a PASS/FAIL line per target of the issue; exits with 0 only if all pass.
/// </summary>
internal static class LoaderBenchmark
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args, TextWriter output)
    {
        LoaderOptions options;
        try
        {
            options = LoaderOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            output.WriteLine(e.Message);
            output.WriteLine();
            output.WriteLine(LoaderOptions.Help);
            return 2;
        }

        if (options.ShowHelp)
        {
            output.WriteLine(LoaderOptions.Help);
            return 0;
        }

        var total = Stopwatch.StartNew();
        var rows = LoaderRows.All.Where(r => options.Rows is null || options.Rows.Contains(r.Key) || r.Key == "limit-1t").ToArray();
        output.WriteLine($"# Loader throughput ({(options.Quick ? "quick" : "full")} mode)");
        output.WriteLine();
        WriteMachine(output);
        output.WriteLine($"Building the dataset: {options.Samples:N0} samples ...");
        var data = new LoaderData(options.Samples, LoaderRows.Seed);
        output.WriteLine(
            $"Dataset: {data.Count:N0} samples of [3, 32, 32] float32 + a float32 label = {LoaderData.SampleBytes:N0} B/sample, " +
            $"{data.Bytes / 1e6:N0} MB in memory (far beyond any CPU cache). Shuffled epochs.");
        output.WriteLine(
            $"Batch sizes {string.Join(", ", options.BatchSizes)}. Steady rows: {options.Warmup} warm-up + {options.Epochs} measured epochs each, " +
            "interleaved in a fresh random order every repetition, each preceded by an epoch of the 1-thread limit; " +
            "a row's ratio is to the median of the limit epochs of the same repetition and batch size. " +
            $"Rows that allocate a new batch array per batch: {options.Epochs} epochs each, run afterwards (they slow down whatever follows them), " +
            "ratio to the limit's median. A full blocking GC before every epoch.");
        output.WriteLine();

        var results = Measure(options, rows, data, output);
        output.WriteLine();
        WriteSummary(output, options, rows, results);
        output.WriteLine();
        WriteDetails(output, options, rows, results);
        output.WriteLine();
        if (options.SteadyEpochs > 0)
        {
            WriteSteadyState(output, options, data);
            output.WriteLine();
        }

        bool allPass = WriteTargets(output, options, rows, results);
        output.WriteLine();
        output.WriteLine($"Total time: {total.Elapsed.TotalSeconds:N0} s.");
        return allPass ? 0 : 1;
    }

    private static Cell[,] Measure(LoaderOptions options, LoaderRow[] rows, LoaderData data, TextWriter output)
    {
        int sizes = options.BatchSizes.Length;
        var runners = new IEpochRunner[sizes, rows.Length];
        var cells = new Cell[sizes, rows.Length];
        for (int b = 0; b < sizes; b++)
        {
            for (int r = 0; r < rows.Length; r++)
            {
                runners[b, r] = rows[r].Create(data, options.BatchSizes[b]);
                cells[b, r] = new Cell(options.BatchSizes[b], data.Count);
            }
        }

        // Phase 1, the steady rows, each epoch preceded by an epoch of the 1-thread limit. A row's ratio is
        // to the median of the limit epochs of the same repetition and batch size: measured within seconds
        // of it, so slow drifts of the machine cancel, and after every kind of row, so no neighbour biases it.
        int limit = Array.FindIndex(rows, x => x.Key == "limit-1t");
        var steady = Enumerable.Range(0, rows.Length).Where(r => r != limit && !rows[r].Allocates).ToArray();
        if (steady.Length == 0)
        {
            RunPhase("limit", [limit], options.Warmup, (b, r) => (null, MeasureEpoch(runners[b, r])));
        }

        RunPhase("steady rows", steady, options.Warmup, (b, r) =>
        {
            var reference = MeasureEpoch(runners[b, limit]);
            var sample = MeasureEpoch(runners[b, r]);
            return (reference, sample);
        });

        // Phase 2, the rows that allocate a batch-sized array per batch. Each of their epochs leaves the
        // machine slower for a while after it (the OS reclaims hundreds of MB freed by the collection
        // before the next epoch), so they run after every steady row, and their ratio is to the median of
        // the limit measured in phase 1. They get no warm-up: every one of their epochs starts from a
        // collected heap and pays the same fresh memory, and JIT time is negligible next to it.
        var allocating = Enumerable.Range(0, rows.Length).Where(r => rows[r].Allocates).ToArray();
        RunPhase("allocating rows", allocating, 0, (b, r) => (null, MeasureEpoch(runners[b, r])));
        for (int b = 0; b < sizes; b++)
        {
            double reference = cells[b, limit].MedianThroughput;
            foreach (int r in allocating)
            {
                cells[b, r].Ratios.AddRange(cells[b, r].Samples.Select(x => x.SamplesPerSecond / reference));
            }
        }

        void RunPhase(string name, int[] phaseRows, int warmup, Func<int, int, (EpochSample? Reference, EpochSample Sample)> measure)
        {
            if (phaseRows.Length == 0)
            {
                return;
            }

            for (int rep = 0; rep < warmup + options.Epochs; rep++)
            {
                bool measured = rep >= warmup;
                var repTime = Stopwatch.StartNew();
                for (int b = 0; b < sizes; b++)
                {
                    // A fresh order every repetition, so that no row always follows the same neighbour.
                    var order = (int[])phaseRows.Clone();
                    new Random(1000 * rep + b).Shuffle(order);
                    var references = new List<double>();
                    var samples = new List<(int Row, EpochSample Sample)>();
                    foreach (int r in order)
                    {
                        var (reference, sample) = measure(b, r);
                        samples.Add((r, sample));
                        if (reference is { } limitSample)
                        {
                            references.Add(limitSample.SamplesPerSecond);
                            if (measured)
                            {
                                cells[b, limit].Add(limitSample);
                            }
                        }
                    }

                    if (!measured)
                    {
                        continue;
                    }

                    double repReference = references.Count > 0 ? Cell.Median(references) : double.NaN;
                    foreach (var (r, sample) in samples)
                    {
                        cells[b, r].Add(sample);
                        if (r == limit)
                        {
                            cells[b, r].Ratios.Add(1);
                        }
                        else if (references.Count > 0)
                        {
                            cells[b, r].Ratios.Add(sample.SamplesPerSecond / repReference);
                        }
                    }

                    if (references.Count > 0)
                    {
                        // The limit's own ratio: each of its epochs against the same median (1 at the median).
                        cells[b, limit].Ratios.AddRange(references.Select(x => x / repReference));
                    }
                }

                output.WriteLine(
                    $"{name}, {(measured ? "epoch " + (rep - warmup + 1) + "/" + options.Epochs : "warm-up " + (rep + 1) + "/" + warmup)}: " +
                    $"{phaseRows.Length * sizes} rows in {repTime.Elapsed.TotalSeconds:N1} s");
            }
        }

        return cells;
    }

    private static EpochSample MeasureEpoch(IEpochRunner runner, bool collectFirst = true)
    {
        if (collectFirst)
        {
            // Start every epoch from the same heap state, so one row's garbage is not collected on another's clock.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        }

        int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        long faults = MinorPageFaults();
        // precise: true counts every thread's allocations, including loader workers'.
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        long start = Stopwatch.GetTimestamp();
        long samples = runner.RunEpoch();
        var elapsed = Stopwatch.GetElapsedTime(start);
        long bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        return new EpochSample(
            samples / elapsed.TotalSeconds,
            bytes,
            GC.CollectionCount(0) - g0,
            GC.CollectionCount(1) - g1,
            GC.CollectionCount(2) - g2,
            (GC.GetTotalPauseDuration() - pause).TotalMilliseconds,
            faults < 0 ? -1 : MinorPageFaults() - faults);
    }

    /// <summary>
    /// The process's minor page faults so far (Linux: field 10 of /proc/self/stat), or -1 elsewhere: how
    /// often the OS had to hand the process a fresh (zeroed) page, which is what a new large array costs.
    /// </summary>
    private static long MinorPageFaults()
    {
        try
        {
            if (!OperatingSystem.IsLinux())
            {
                return -1;
            }

            string stat = File.ReadAllText("/proc/self/stat");
            // The command name in parentheses may contain spaces; fields after it are space-separated.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[7], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    /// <summary>
    /// The large-object-heap lesson without the harness's collections: consecutive epochs of a new batch
    /// array per batch, as a training loop would run them, next to the pooled loader. Shows how often a
    /// full (gen2) collection happens, what it costs, and how many fresh pages the OS must provide.
    /// </summary>
    private static void WriteSteadyState(TextWriter output, LoaderOptions options, LoaderData data)
    {
        const int batchSize = 64;
        output.WriteLine(
            $"## Steady state: {options.SteadyEpochs} consecutive epochs at B = {batchSize}, no collection forced between them");
        output.WriteLine();
        output.WriteLine("| epoch | row | M samples/s | gen0/1/2 GCs | GC pause ms | page faults | managed heap MB at the end |");
        output.WriteLine("|---:|---|---:|---|---:|---:|---:|");
        foreach (var key in new[] { "loader-w0", "new-batch" })
        {
            var row = LoaderRows.All.First(x => x.Key == key);
            var runner = row.Create(data, batchSize);
            runner.RunEpoch(); // warm-up (JIT, pool)
            // Start from a heap that has handed all free memory back to the OS, as a fresh process would.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            for (int epoch = 1; epoch <= options.SteadyEpochs; epoch++)
            {
                var e = MeasureEpoch(runner, collectFirst: false);
                // Live data plus garbage not yet collected: large arrays wait for a gen2 collection.
                long heap = GC.GetTotalMemory(forceFullCollection: false);
                output.WriteLine(
                    $"| {epoch} | {row.Name} | {Fmt(e.SamplesPerSecond / 1e6, 3)} | {e.Gen0} / {e.Gen1} / {e.Gen2} | {Fmt(e.PauseMilliseconds, 1)} | " +
                    $"{(e.PageFaults < 0 ? "n/a" : Fmt(e.PageFaults, 0))} | {Fmt(heap / 1e6, 0)} |");
            }
        }
    }

    private static void WriteMachine(TextWriter output)
    {
        var gc = GC.GetGCMemoryInfo();
        output.WriteLine(
            $"Machine: {CpuName()}, {Environment.ProcessorCount} logical cores, " +
            $"{gc.TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):N1} GiB memory; {RuntimeInformation.FrameworkDescription} " +
            $"on {RuntimeInformation.OSDescription} ({RuntimeInformation.ProcessArchitecture}); " +
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, concurrent {(AppContext.TryGetSwitch("System.GC.Concurrent", out bool c) ? c : "default")}.");
        output.WriteLine();
    }

    private static string CpuName()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null)
                {
                    return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }

        return RuntimeInformation.ProcessArchitecture.ToString() + " CPU";
    }

    private static void WriteSummary(TextWriter output, LoaderOptions options, LoaderRow[] rows, Cell[,] cells)
    {
        output.WriteLine("## Summary: M samples/s (ratio to the 1-thread gather-copy limit at the same batch size)");
        output.WriteLine();
        output.WriteLine("| Row | " + string.Join(" | ", options.BatchSizes.Select(b => "B = " + b)) + " |");
        output.WriteLine("|---|" + string.Concat(options.BatchSizes.Select(_ => "---:|")));
        for (int r = 0; r < rows.Length; r++)
        {
            var line = new List<string>();
            for (int b = 0; b < options.BatchSizes.Length; b++)
            {
                var cell = cells[b, r];
                line.Add($"{Fmt(cell.MedianThroughput / 1e6, 3)} ({Fmt(cell.MedianRatio, 2)})");
            }

            output.WriteLine($"| {rows[r].Name} | {string.Join(" | ", line)} |");
        }
    }

    private static void WriteDetails(TextWriter output, LoaderOptions options, LoaderRow[] rows, Cell[,] cells)
    {
        output.WriteLine(
            $"## Details (per epoch; medians of {options.Epochs} epochs except GCs, which are means; spread = (max - min) / median of samples/s)");
        output.WriteLine();
        output.WriteLine("| B | Row | M samples/s | GB/s | × limit | spread | MB alloc/epoch | KB alloc/batch | GCs gen0/1/2 | GC pause ms | page faults |");
        output.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|");
        for (int b = 0; b < options.BatchSizes.Length; b++)
        {
            for (int r = 0; r < rows.Length; r++)
            {
                var c = cells[b, r];
                output.WriteLine(
                    $"| {c.BatchSize} | {rows[r].Name} | {Fmt(c.MedianThroughput / 1e6, 3)} | {Fmt(c.MedianThroughput * LoaderData.SampleBytes / 1e9, 2)} | " +
                    $"{Fmt(c.MedianRatio, 2)} | {Fmt(100 * c.Spread, 0)}% | {Fmt(c.MedianAllocated / 1e6, 2)} | " +
                    $"{Fmt(c.MedianAllocated / 1024.0 / c.Batches, 2)} | " +
                    $"{Fmt(c.MeanGen0, 1)} / {Fmt(c.MeanGen1, 1)} / {Fmt(c.MeanGen2, 1)} | {Fmt(c.MedianPause, 1)} | " +
                    $"{(double.IsNaN(c.MedianPageFaults) ? "n/a" : Fmt(c.MedianPageFaults, 0))} |");
            }
        }
    }

    private static bool WriteTargets(TextWriter output, LoaderOptions options, LoaderRow[] rows, Cell[,] cells)
    {
        output.WriteLine("## Targets (issues 5 and 18), ratios to the 1-thread gather-copy limit of the same run");
        output.WriteLine();
        bool all = true;

        // A row's median ratio to the limit at a batch size, or null when the run did not measure it.
        double? MedianRatio(string key, int batchSize)
        {
            int b = Array.IndexOf(options.BatchSizes, batchSize);
            int r = Array.FindIndex(rows, x => x.Key == key);
            return b < 0 || r < 0 ? null : cells[b, r].MedianRatio;
        }

        void Target(string label, double? value, double minimum, int decimals)
        {
            if (value is not { } measured)
            {
                output.WriteLine($"SKIP  {label}: not measured in this run.");
                all = false;
                return;
            }

            bool pass = measured >= minimum;
            all &= pass;
            output.WriteLine($"{(pass ? "PASS" : "FAIL")}  {label}: {Fmt(measured, decimals)} (target ≥ {Fmt(minimum, 2)})");
        }

        void Ratio(string label, string key, int batchSize, double minimum) => Target(label, MedianRatio(key, batchSize), minimum, 2);

        // Both rows' ratios are to the limit epochs of the same repetitions, so their quotient compares
        // the two rows under the same machine conditions.
        void Relative(string label, string key, string baseline, int batchSize, double minimum) =>
            Target(label, MedianRatio(key, batchSize) / MedianRatio(baseline, batchSize), minimum, 3);

        Ratio("DataLoader, 0 workers, no transforms, B = 64", "loader-w0", 64, 0.85);
        Ratio("DataLoader, 0 workers, no transforms, B = 256", "loader-w0", 256, 0.75);
        Ratio("DataLoader + flip+crop, 0 workers, B = 64", "aug-w0", 64, 0.5);
        Ratio("DataLoader, 2 workers, idle consumer, B = 256", "loader-w2", 256, 1.2);
        // Issue 18: the per-sample generators against one shared stream, in the same repetitions.
        Relative("Per-sample generators vs one shared stream, flip+crop, 0 workers, B = 64", "aug-w0", "aug-shared-w0", 64, 0.95);
        Relative("Per-sample generators vs one shared stream, flip+crop, 0 workers, B = 256", "aug-w0", "aug-shared-w0", 256, 0.95);

        int b256 = Array.IndexOf(options.BatchSizes, 256), twoThreads = Array.FindIndex(rows, x => x.Key == "limit-2t");
        if (b256 >= 0 && twoThreads >= 0 && cells[b256, twoThreads].MedianRatio < 1.2)
        {
            output.WriteLine(
                $"NOTE  The 2-thread gather-copy limit itself reached only {Fmt(cells[b256, twoThreads].MedianRatio, 2)}x the 1-thread limit at B = 256: " +
                "the second core was not free during this run (other processes), so no 2-worker loader could reach 1.2 here. Rerun on an idle machine.");
        }

        // Steady state: the pooled loader rows allocate nothing batch-sized. Allowed per batch: 1% of the
        // batch's bytes (room for the small objects a batch is made of, and the epoch's index array), and
        // no gen2 collection in any measured epoch.
        double worstShare = 0;
        string worst = "none";
        long gen2 = 0;
        for (int b = 0; b < options.BatchSizes.Length; b++)
        {
            for (int r = 0; r < rows.Length; r++)
            {
                if (!rows[r].IsPooledLoader)
                {
                    continue;
                }

                var c = cells[b, r];
                double perBatch = c.MedianAllocated / c.Batches;
                double share = perBatch / ((double)c.BatchSize * LoaderData.SampleBytes);
                if (share >= worstShare)
                {
                    worstShare = share;
                    worst = $"{rows[r].Name}, B = {c.BatchSize}: {Fmt(perBatch / 1024, 2)} KB/batch";
                }

                gen2 += c.Samples.Sum(s => s.Gen2);
            }
        }

        bool allocationPass = worstShare < 0.01 && gen2 == 0;
        all &= allocationPass;
        output.WriteLine(
            $"{(allocationPass ? "PASS" : "FAIL")}  Steady state allocates no batch-sized arrays (pooled DataLoader rows, GC.GetTotalAllocatedBytes(precise: true)): " +
            $"worst {worst} = {Fmt(100 * worstShare, 3)}% of a batch (target < 1%); gen2 collections in measured epochs: {gen2} (target 0)");
        return all;
    }

    private static string Fmt(double value, int decimals) => value.ToString("N" + decimals, Inv);

    private readonly record struct EpochSample(double SamplesPerSecond, long AllocatedBytes, int Gen0, int Gen1, int Gen2, double PauseMilliseconds, long PageFaults);

    /// <summary>The measurements of one row at one batch size.</summary>
    private sealed class Cell(int batchSize, int samplesPerEpoch)
    {
        public int BatchSize { get; } = batchSize;

        public List<EpochSample> Samples { get; } = [];

        public List<double> Ratios { get; } = [];

        /// <summary>Batches per epoch (the last one may be smaller).</summary>
        public double Batches { get; } = Math.Ceiling((double)samplesPerEpoch / batchSize);

        public double MedianThroughput => Median(Samples.Select(s => s.SamplesPerSecond));

        public double MedianRatio => Median(Ratios);

        public double MedianAllocated => Median(Samples.Select(s => (double)s.AllocatedBytes));

        public double Spread => (Samples.Max(s => s.SamplesPerSecond) - Samples.Min(s => s.SamplesPerSecond)) / MedianThroughput;

        public double MeanGen0 => Samples.Average(s => s.Gen0);

        public double MeanGen1 => Samples.Average(s => s.Gen1);

        public double MeanGen2 => Samples.Average(s => s.Gen2);

        public double MedianPause => Median(Samples.Select(s => s.PauseMilliseconds));

        public double MedianPageFaults => Samples.Any(s => s.PageFaults < 0) ? double.NaN : Median(Samples.Select(s => (double)s.PageFaults));

        public void Add(EpochSample sample) => Samples.Add(sample);

        /// <summary>The median, or NaN for a cell with no samples (shown as such in the table).</summary>
        public static double Median(IEnumerable<double> values) => values.Any() ? Statistics.Median(values) : double.NaN;
    }
}
