using System.CommandLine;
using Course.Notebooks.Execution;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course bench-engine</c>: the notebook engine's performance benchmark (<see cref="EngineBenchmark"/>), a tool for
/// the kit's developers. Run it as a fresh process to measure a cold start.
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
            if (count < EngineBenchmark.MinimumCells)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"course bench-engine: --cells must be at least {EngineBenchmark.MinimumCells}, but was {count}.").ConfigureAwait(false);
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
        EngineBenchmarkResult result = await EngineBenchmark.RunAsync(cellCount, Directory.GetCurrentDirectory(), cancellationToken).ConfigureAwait(false);
        foreach (string line in result.ReportLines())
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        return result.Run.Succeeded ? 0 : 1;
    }
}
