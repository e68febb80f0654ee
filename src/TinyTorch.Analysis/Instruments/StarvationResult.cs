using System.Globalization;
using System.Text;
using TinyTorch.Analysis.Charts;
using TinyTorch.Analysis.Charts.Bridge;

namespace TinyTorch.Analysis.Instruments;

/// <summary>A simulated accelerator's idle time and timeline, for each loader worker count.</summary>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="StepCost">The accelerator's time per batch.</param>
/// <param name="Runs">One epoch per worker count, in the order run.</param>
public sealed record StarvationResult(int BatchSize, TimeSpan StepCost, IReadOnlyList<StarvationRun> Runs) : IChartResult
{
    /// <summary>The chart's legend entry for each activity.</summary>
    public static IReadOnlyDictionary<TimelineActivity, string> ActivityNames { get; } = new Dictionary<TimelineActivity, string>
    {
        [TimelineActivity.Compute] = "accelerator computing",
        [TimelineActivity.Waiting] = "accelerator idle (waiting for data)",
        [TimelineActivity.Loading] = "loading samples",
    };

    /// <summary>The chart's row label for a lane of a run, e.g. "2 workers · accelerator (idle 3%)".</summary>
    /// <param name="run">The run the lane belongs to.</param>
    /// <param name="lane">The lane's name in the run's timeline.</param>
    /// <returns>The label.</returns>
    public static string LaneLabel(StarvationRun run, string lane)
    {
        ArgumentNullException.ThrowIfNull(run);
        string workers = run.Workers == 1 ? "1 worker" : $"{run.Workers} workers";
        return lane == StarvationSimulator.AcceleratorLane
            ? string.Create(CultureInfo.InvariantCulture, $"{workers} · {lane} (idle {run.IdleFraction * 100:F0}%)")
            : $"{workers} · {lane}";
    }

    /// <summary>The most batches per run <see cref="ToChart()"/> draws: beyond that, bars get too thin to read.</summary>
    public const int DefaultChartBatches = 40;

    /// <summary>
    /// A Gantt-style timeline of the first <see cref="DefaultChartBatches"/> batches of each run (all
    /// of them when there are fewer): see <see cref="ToChart(int)"/>.
    /// </summary>
    /// <returns>A new chart of <see cref="Runs"/>.</returns>
    public ChartView ToChart() => ToChart(DefaultChartBatches);

    /// <summary>
    /// A Gantt-style timeline: one row per lane (the accelerator and each loading thread) of each run,
    /// bars for computing, idling and loading, against time in milliseconds, up to the end of each
    /// run's <paramref name="batches"/>-th step (later spans are left out, spans crossing it are cut there).
    /// </summary>
    /// <param name="batches">How many batches of each run to draw, at least 1.</param>
    /// <returns>A new chart of <see cref="Runs"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batches"/> is below 1.</exception>
    public ChartView ToChart(int batches)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batches, 1);
        return new ChartView(PlotlyBridgeLoader.Shared.Draw(this, batches));
    }

    /// <summary>The spans of <paramref name="run"/> up to the end of its <paramref name="batches"/>-th step, as <see cref="ToChart(int)"/> draws them.</summary>
    /// <param name="run">One of <see cref="Runs"/>.</param>
    /// <param name="batches">How many batches to keep, at least 1.</param>
    /// <returns>The spans that start before that step ends, cut at its end.</returns>
    internal static IEnumerable<TimelineSpan> Shown(StarvationRun run, int batches)
    {
        var steps = run.Timeline.Where(s => s.Lane == StarvationSimulator.AcceleratorLane && s.Activity == TimelineActivity.Compute)
            .OrderBy(s => s.StartMilliseconds).ToArray();
        if (steps.Length <= batches)
        {
            return run.Timeline;
        }

        double end = steps[batches - 1].EndMilliseconds;
        return run.Timeline.Where(s => s.StartMilliseconds < end)
            .Select(s => s.EndMilliseconds > end ? s with { EndMilliseconds = end } : s);
    }

    /// <inheritdoc/>
    public string ToHtml() => ToChart().ToHtml();

    /// <summary>The runs as a text table.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("workers   batches   epoch (ms)   compute (ms)   idle (ms)   idle\n");
        foreach (var r in Runs)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{r.Workers,7}   {r.Batches,7}   {r.Elapsed.TotalMilliseconds,10:F1}   {r.Compute.TotalMilliseconds,12:F1}   {r.Waiting.TotalMilliseconds,9:F1}   {r.IdleFraction,4:P0}\n");
        }

        return text.ToString();
    }
}
