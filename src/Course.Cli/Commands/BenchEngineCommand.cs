using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Course.Notebooks.Execution;
using Course.Notebooks.Model;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course bench-engine</c>: the notebook engine's performance benchmark, a tool for the kit's developers. Runs a generated notebook
/// of small cells through the same runner as <c>course run</c> and reports how soon the first cell is done
/// and the per-cell overhead after it. Run it as a fresh process to measure a cold start.
/// </summary>
public static class BenchEngineCommand
{
    /// <summary>Builds the <c>bench-engine</c> command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var cells = new Option<int>("--cells") { Description = "How many small code cells the generated notebook has.", DefaultValueFactory = _ => 30 };
        // Not hidden: System.CommandLine prints no help at all for a hidden command, and every verb has --help.
        var command = new Command("bench-engine", "(For kit developers) Benchmark the notebook engine: time to the first cell, then overhead per cell.")
        {
            cells,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            int count = parse.GetValue(cells);
            if (count < 2)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"course bench-engine: --cells must be at least 2, but was {count}.").ConfigureAwait(false);
                return 2;
            }

            return await RunAsync(count, parse.InvocationConfiguration.Output, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Runs the benchmark and writes its report.</summary>
    /// <param name="cellCount">Number of code cells.</param>
    /// <param name="output">Where the report goes.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>0 when every cell passed, 1 otherwise.</returns>
    public static async Task<int> RunAsync(int cellCount, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        Notebook notebook = CreateNotebook(cellCount);
        var clock = Stopwatch.StartNew();
        TimeSpan? firstDone = null;
        DateTime? firstDoneWallClock = null;
        var runner = new NotebookRunner(new NotebookRunOptions
        {
            CellFinished = _ =>
            {
                if (firstDone is null)
                {
                    firstDone = clock.Elapsed;
                    firstDoneWallClock = DateTime.Now;
                }
            },
        });

        NotebookRunResult result = await runner.RunAsync(notebook, Directory.GetCurrentDirectory(), cancellationToken).ConfigureAwait(false);
        TimeSpan total = clock.Elapsed;

        double[] later = result.Cells.Skip(1)
            .Select(cell => cell.Execution?.Elapsed.TotalMilliseconds ?? double.NaN)
            .Order()
            .ToArray();
        TimeSpan sinceProcessStart = firstDoneWallClock!.Value - Process.GetCurrentProcess().StartTime;

        await output.WriteLineAsync($"cells: {result.Cells.Count} ({result.Passed} passed, {result.Failed} failed)").ConfigureAwait(false);
        await output.WriteLineAsync($"first cell done: {Ms(firstDone!.Value.TotalMilliseconds)} after the run started, {Ms(sinceProcessStart.TotalMilliseconds)} after the process started").ConfigureAwait(false);
        await output.WriteLineAsync($"later cells: median {Ms(Percentile(later, 0.5))}, p90 {Ms(Percentile(later, 0.9))}, max {Ms(later[^1])} per cell").ConfigureAwait(false);
        await output.WriteLineAsync($"whole notebook: {Ms(total.TotalMilliseconds)}").ConfigureAwait(false);
        return result.Succeeded ? 0 : 1;
    }

    /// <summary>A notebook of small cells of the kinds a lesson has: declarations, expressions, output, displays, methods.</summary>
    private static Notebook CreateNotebook(int cellCount)
    {
        Notebook notebook = Notebook.CreatePolyglot();
        notebook.Cells.Add(Cell.CreateCode("var total = 0;", "c0"));
        for (int i = 1; i < cellCount; i++)
        {
            string code = (i % 5) switch
            {
                0 => $"int Square{i}(int x) => x * x;\ntotal += Square{i}({i});",
                1 => $"var values{i} = Enumerable.Range(0, 10).Select(v => v * {i}).ToList();\nvalues{i}.Sum()",
                2 => $"Console.WriteLine($\"total = {{total}}\");",
                3 => $"display(new {{ Cell = {i}, Total = total }});",
                _ => $"total += {i};\ntotal",
            };
            notebook.Cells.Add(Cell.CreateCode(code, $"c{i}"));
        }

        return notebook;
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(fraction * sorted.Length))];

    private static string Ms(double milliseconds) => milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
