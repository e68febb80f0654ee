using System.Diagnostics;
using Course.Notebooks.Model;

namespace Course.Notebooks.Execution;

/// <summary>
/// The notebook engine's performance benchmark (<c>course bench-engine</c>): runs a generated notebook of small cells
/// through the same <see cref="NotebookRunner"/> as <c>course run</c> and measures how soon the first cell is done and
/// the per-cell overhead after it. Run in a fresh process, the first cell's time is a cold start.
/// </summary>
public static class EngineBenchmark
{
    /// <summary>The fewest cells a benchmark has: a first cell, and at least one after it to measure the overhead of.</summary>
    public const int MinimumCells = 2;

    /// <summary>Runs the benchmark.</summary>
    /// <param name="cellCount">How many code cells the generated notebook has; at least <see cref="MinimumCells"/>.</param>
    /// <param name="folder">The folder the notebook runs in.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The timings.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cellCount"/> is below <see cref="MinimumCells"/>.</exception>
    public static async Task<EngineBenchmarkResult> RunAsync(int cellCount, string folder, CancellationToken cancellationToken = default)
    {
        if (cellCount < MinimumCells)
        {
            throw new ArgumentOutOfRangeException(nameof(cellCount), cellCount, $"--cells must be at least {MinimumCells}, but was {cellCount}.");
        }

        ArgumentException.ThrowIfNullOrEmpty(folder);
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

        NotebookRunResult run = await runner.RunAsync(notebook, folder, cancellationToken).ConfigureAwait(false);
        TimeSpan total = clock.Elapsed;
        double[] later = run.Cells.Skip(1).Select(cell => cell.Execution?.Elapsed.TotalMilliseconds ?? double.NaN).Order().ToArray();
        using var process = Process.GetCurrentProcess();
        return new EngineBenchmarkResult(run, firstDone!.Value, firstDoneWallClock!.Value - process.StartTime, later, total);
    }

    /// <summary>A notebook of small cells of the kinds a lesson has: declarations, expressions, output, displays, methods.</summary>
    /// <param name="cellCount">How many code cells.</param>
    /// <returns>The notebook.</returns>
    public static Notebook CreateNotebook(int cellCount)
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
}
