using System.Globalization;
using System.Runtime.InteropServices;
using TinyTorch;
using TinyTorch.Analysis.Instruments;
using TinyTorch.Analysis.Measurement;
using TinyTorch.Analysis.Simulation;
using TinyTorch.Data;

namespace Benchmarks.Prefetch;

/// <summary>
/// The prefetch suite (issue 4): background workers must hide the loading latency. A dataset that
/// waits L per sample (I/O-like: the thread sleeps) feeds a simulated accelerator that takes C per
/// batch (also a sleep: the accelerator works, not the CPU). Without workers an epoch costs
/// load + compute; with W workers the loads overlap each other and the compute, so an epoch should
/// cost max(load / W, compute). Each row is the median of several epochs, compared with its ideal.
/// </summary>
/// <remarks>
/// The ideal uses the costs the machine actually serves, calibrated before the runs: a sleep of
/// 2 ms lasts about 2.15 ms on Linux, and over a whole epoch that difference is not the loader's.
/// The epochs are run by <see cref="StarvationSimulator"/>, the instrument the notebooks chart.
/// </remarks>
internal static class PrefetchBenchmark
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    internal static int Run(string[] args, TextWriter output)
    {
        PrefetchOptions options;
        try
        {
            options = PrefetchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            output.WriteLine(e.Message);
            output.WriteLine();
            output.WriteLine(PrefetchOptions.Help);
            return 2;
        }

        if (options.ShowHelp)
        {
            output.WriteLine(PrefetchOptions.Help);
            return 0;
        }

        var load = TimeSpan.FromMilliseconds(options.LoadMilliseconds);
        var step = TimeSpan.FromMilliseconds(options.StepMilliseconds);
        double loadServed = Calibrate(load), stepServed = Calibrate(step);
        double batchLoad = options.BatchSize * loadServed;
        double totalLoad = options.Batches * batchLoad, totalCompute = options.Batches * stepServed;

        output.WriteLine("# Prefetching hides load latency");
        output.WriteLine();
        output.WriteLine(string.Create(Inv,
            $"Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}."));
        output.WriteLine(string.Create(Inv,
            $"Load: {options.LoadMilliseconds:0.###} ms per sample (sleep; served as {loadServed:F3} ms), {options.BatchSize} samples per batch = {batchLoad:F2} ms per batch. " +
            $"Accelerator step: {options.StepMilliseconds:0.###} ms per batch (sleep; served as {stepServed:F3} ms)."));
        output.WriteLine(string.Create(Inv,
            $"{options.Batches} batches per epoch, prefetchFactor {options.PrefetchFactor}, median of {options.Repeats} epochs per row. " +
            $"Total load {totalLoad:F0} ms, total compute {totalCompute:F0} ms."));
        output.WriteLine();

        var samples = options.Batches * options.BatchSize;
        var dataset = new SimulatedLatencyDataset(Images(samples), load);
        var runs = new List<StarvationRun>[options.Workers.Length];
        StarvationResult? last = null;
        for (int r = 0; r < options.Repeats; r++)
        {
            // One epoch per worker count per repetition, so slow phases of a noisy machine hit every row alike.
            last = StarvationSimulator.Run(dataset, options.BatchSize, step, options.Workers, options.PrefetchFactor);
            for (int w = 0; w < options.Workers.Length; w++)
            {
                (runs[w] ??= []).Add(last.Runs[w]);
            }
        }

        output.WriteLine("| workers | epoch (ms) | ideal (ms) | ratio | accelerator idle | speed-up | result |");
        output.WriteLine("|--------:|-----------:|-----------:|------:|-----------------:|---------:|:------:|");
        bool allPass = true;
        double? sequential = null;
        for (int w = 0; w < options.Workers.Length; w++)
        {
            int workers = options.Workers[w];
            var median = runs[w].OrderBy(run => run.Elapsed).ElementAt(runs[w].Count / 2);
            double ideal = workers == 0 ? totalLoad + totalCompute : Math.Max(totalLoad / workers, totalCompute);
            double epoch = median.Elapsed.TotalMilliseconds;
            double ratio = epoch / ideal;
            bool pass = ratio <= 1 + options.Tolerance;
            allPass &= pass;
            sequential ??= workers == 0 ? epoch : null;
            string speedup = sequential is { } baseline ? string.Create(Inv, $"{baseline / epoch:F2}x") : "n/a";
            output.WriteLine(string.Create(Inv,
                $"| {workers} | {epoch:F0} | {ideal:F0} | {ratio:F2}x | {median.IdleFraction * 100:F0}% | {speedup} | {(pass ? "PASS" : "FAIL")} |"));
        }

        output.WriteLine();
        output.WriteLine(string.Create(Inv,
            $"Ideal: load + compute with 0 workers; max(load / workers, compute) with workers. Speed-up: against the 0-worker epoch. PASS: epoch within {options.Tolerance * 100:F0}% of its ideal."));
        if (options.HtmlPath is not null && last is not null)
        {
            output.WriteLine($"Timeline chart: {last.ToChart().SaveHtml(options.HtmlPath)}");
        }

        output.WriteLine(allPass ? "Result: PASS" : "Result: FAIL");
        return allPass ? 0 : 1;
    }

    /// <summary>The median time a simulated wait of <paramref name="duration"/> really takes here, in ms.</summary>
    private static double Calibrate(TimeSpan duration)
    {
        var times = new double[15];
        for (int i = 0; i < times.Length; i++)
        {
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            SimulatedDelay.Wait(duration);
            times[i] = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return Statistics.Median(times);
    }

    private static TensorDataset Images(int samples)
    {
        // Small CIFAR-shaped samples: the collation copy is real but negligible next to the latency.
        var random = new Random(4);
        var features = new float[samples * 3 * 32 * 32];
        for (int i = 0; i < features.Length; i++)
        {
            features[i] = random.NextSingle();
        }

        return new TensorDataset(new Tensor(features, samples, 3, 32, 32), Tensor.FromLabels(Enumerable.Range(0, samples).Select(i => i % 10).ToArray()));
    }
}
