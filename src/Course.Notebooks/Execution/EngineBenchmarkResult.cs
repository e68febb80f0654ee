using System.Globalization;

namespace Course.Notebooks.Execution;

/// <summary>What <see cref="EngineBenchmark"/> measured.</summary>
/// <param name="Run">The benchmark notebook's run.</param>
/// <param name="FirstCellDone">From the start of the run to the end of the first cell.</param>
/// <param name="FirstCellSinceProcessStart">From the start of the process to the end of the first cell (a cold start, in a fresh process).</param>
/// <param name="LaterCellsMilliseconds">Each later cell's time, in milliseconds, sorted.</param>
/// <param name="Total">The whole run.</param>
public sealed record EngineBenchmarkResult(
    NotebookRunResult Run, TimeSpan FirstCellDone, TimeSpan FirstCellSinceProcessStart, IReadOnlyList<double> LaterCellsMilliseconds, TimeSpan Total)
{
    /// <summary>The report, one line each: cells, the first cell, the later cells (median, p90, max), the whole notebook.</summary>
    /// <returns>The lines.</returns>
    public IEnumerable<string> ReportLines()
    {
        yield return $"cells: {Run.Cells.Count} ({Run.Passed} passed, {Run.Failed} failed)";
        yield return $"first cell done: {Ms(FirstCellDone.TotalMilliseconds)} after the run started, {Ms(FirstCellSinceProcessStart.TotalMilliseconds)} after the process started";
        yield return $"later cells: median {Ms(Percentile(0.5))}, p90 {Ms(Percentile(0.9))}, max {Ms(LaterCellsMilliseconds.Count == 0 ? double.NaN : LaterCellsMilliseconds[^1])} per cell";
        yield return $"whole notebook: {Ms(Total.TotalMilliseconds)}";
    }

    /// <summary>A later cell's time at a fraction of the sorted times (the nearest rank below).</summary>
    /// <param name="fraction">0.5 for the median, 0.9 for the 90th percentile.</param>
    /// <returns>Milliseconds; NaN when there are no later cells.</returns>
    public double Percentile(double fraction) =>
        LaterCellsMilliseconds.Count == 0
            ? double.NaN
            : LaterCellsMilliseconds[(int)Math.Min(LaterCellsMilliseconds.Count - 1, Math.Floor(fraction * LaterCellsMilliseconds.Count))];

    private static string Ms(double milliseconds) => milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
