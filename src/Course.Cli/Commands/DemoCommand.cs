using System.CommandLine;
using System.Diagnostics;
using TinyTorch.Data;
using TinyTorch.Data.Cifar;
using TinyTorch.Transforms;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course demo</c>: the whole module in one run. Writes a synthetic CIFAR-format file, opens it
/// lazily, streams shuffled and augmented batches from it, and prints batch shapes and throughput.
/// </summary>
public static class DemoCommand
{
    /// <summary>Builds the <c>demo</c> command.</summary>
    /// <returns>The command, ready to add to the root command.</returns>
    public static Command Create()
    {
        var records = new Option<int>("--records") { Description = "Records in the synthetic CIFAR file.", DefaultValueFactory = _ => 20_000 };
        var batchSize = new Option<int>("--batch-size") { Description = "Samples per batch.", DefaultValueFactory = _ => 64 };
        var epochs = new Option<int>("--epochs") { Description = "Epochs to stream.", DefaultValueFactory = _ => 2 };
        var workers = new Option<int>("--workers") { Description = "Background loader threads (0 = load on the consumer's thread).", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed for the data, the shuffle and the augmentation.", DefaultValueFactory = _ => 42 };
        var data = new Option<FileInfo?>("--data")
        {
            Description = "A CIFAR-10 binary file to load instead of a synthetic one (read only, never modified).",
        };

        var command = new Command("demo", "Write a synthetic CIFAR-format file, load it lazily with shuffling and augmentation, and print batch shapes and throughput.")
        {
            records, batchSize, epochs, workers, seed, data,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var options = new DemoOptions(
                parse.GetValue(records), parse.GetValue(batchSize), parse.GetValue(epochs),
                parse.GetValue(workers), parse.GetValue(seed), parse.GetValue(data)?.FullName);
            try
            {
                Run(options, output);
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or IOException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"course demo: {OneLine(e)}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>Runs the demo with <paramref name="options"/>, writing a report to <paramref name="output"/>.</summary>
    /// <param name="options">What to load and how.</param>
    /// <param name="output">Where the report goes.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names it).</exception>
    public static void Run(DemoOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        // Checked before the synthetic file is written (tens of megabytes, seconds), not by the loader after it.
        options.Validate();
        string path = options.DataPath ?? WriteSynthetic(options, output);
        try
        {
            Stream(path, options, output);
        }
        finally
        {
            if (options.DataPath is null)
            {
                File.Delete(path);
            }
        }
    }

    // The message alone: .NET appends " (Parameter 'x')" and, for a value out of range, a second line with the value.
    private static string OneLine(Exception e)
    {
        string message = e.Message;
        if (e is ArgumentException { ParamName: { } name } && message.IndexOf($" (Parameter '{name}')", StringComparison.Ordinal) is var at and >= 0)
        {
            message = message[..at];
        }

        return message.Split('\n')[0].TrimEnd('\r');
    }

    private static string WriteSynthetic(DemoOptions options, TextWriter output)
    {
        string path = Path.Combine(Path.GetTempPath(), $"course-demo-{Environment.ProcessId}-{Guid.NewGuid():N}.bin");
        var clock = Stopwatch.StartNew();
        SyntheticCifar.Write(path, options.Records, options.Seed);
        long bytes = new FileInfo(path).Length;
        output.WriteLine($"Wrote {options.Records:N0} synthetic CIFAR records ({bytes / 1e6:F1} MB) in {clock.Elapsed.TotalSeconds:F2} s: {path}");
        return path;
    }

    private static void Stream(string path, DemoOptions options, TextWriter output)
    {
        using var file = new CifarFileDataset(path);
        output.WriteLine($"Opened {file.Count:N0} records lazily; records decoded so far: {file.RecordsRead}.");
        var augment = new Compose(
            new RandomHorizontalFlip(0.5, options.Seed),
            new RandomCrop(CifarFormat.Height, padding: 4, seed: options.Seed + 1));
        var training = new TransformedDataset(file, augment);
        var loader = new DataLoader(training, options.BatchSize, shuffle: true, seed: options.Seed, numWorkers: options.Workers);
        output.WriteLine($"DataLoader: batch size {loader.BatchSize}, shuffle on, seed {loader.Seed}, {loader.NumWorkers} worker(s), {loader.Count} batches per epoch.");

        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            int batches = 0, samples = 0;
            string firstShapes = "";
            foreach (var batch in loader)
            {
                using (batch)
                {
                    if (batches == 0)
                    {
                        var (images, labels) = batch;
                        firstShapes = $"images [{string.Join(", ", images.Shape)}], labels [{string.Join(", ", labels.Shape)}]";
                    }

                    batches++;
                    samples += batch.SampleCount;
                }
            }

            double seconds = clock.Elapsed.TotalSeconds;
            output.WriteLine(
                $"Epoch {epoch + 1}: {batches} batches ({firstShapes}), {samples:N0} samples in {seconds:F2} s = {samples / seconds:N0} samples/s.");
        }

        output.WriteLine($"Records decoded in all: {file.RecordsRead:N0} (= {options.Epochs} epoch(s) × {file.Count:N0}: each read only when its batch was requested).");
    }
}
