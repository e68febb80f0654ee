using System.Globalization;
using System.Text;
using Plotly.NET;
using Plotly.NET.CSharp;
using TinyTorch.Analysis.Charts;
using CSharpChart = Plotly.NET.CSharp.Chart;

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

    private static readonly Dictionary<TimelineActivity, string> s_colours = new()
    {
        [TimelineActivity.Compute] = "#2ca02c",
        [TimelineActivity.Waiting] = "#d62728",
        [TimelineActivity.Loading] = "#1f77b4",
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
        var rows = new List<string>();
        foreach (var run in Runs)
        {
            rows.Add(LaneLabel(run, StarvationSimulator.AcceleratorLane));
            rows.AddRange(run.Timeline.Where(s => s.Lane != StarvationSimulator.AcceleratorLane)
                .Select(s => s.Lane).Distinct().Order(StringComparer.Ordinal).Select(lane => LaneLabel(run, lane)));
        }

        var traces = new List<GenericChart>();
        foreach (var activity in ActivityNames.Keys)
        {
            var spans = Runs.SelectMany(run => Shown(run, batches).Where(s => s.Activity == activity).Select(s => (Run: run, Span: s))).ToArray();
            var bars = CSharpChart.Bar<double, string, string>(
                spans.Select(x => x.Span.DurationMilliseconds),
                Keys: spans.Select(x => LaneLabel(x.Run, x.Span.Lane)).ToArray(),
                Name: ActivityNames[activity],
                MarkerColor: Color.fromString(s_colours[activity]),
                // No outline: with many thin bars, plotly's default white border would wash out the colours.
                MarkerOutline: NoOutline());
            traces.Add(ChartStyle.WithTraceValue(bars, "base", spans.Select(x => x.Span.StartMilliseconds).ToArray()));
        }

        var chart = CSharpChart.Combine(traces)
            .WithXAxisStyle<double, double, string>(TitleText: "time since the epoch started (ms)")
            // Categories are listed bottom-up by plotly; reversed, the rows read top-down in run order.
            .WithYAxisStyle<double, double, string>(TitleText: "lane", CategoryOrder: StyleParam.CategoryOrder.Array, CategoryArray: Enumerable.Reverse(rows).ToArray());
        chart = ChartStyle.WithLayoutValue(chart, "barmode", "overlay");
        int most = Runs.Count == 0 ? 0 : Runs.Max(r => r.Batches);
        string shown = most > batches ? $", first {batches} of {most} batches" : "";
        string title = string.Create(CultureInfo.InvariantCulture,
            $"A data-starved accelerator idles: {StepCost.TotalMilliseconds:0.##} ms step per batch of {BatchSize}{shown}");
        chart = ChartStyle.Frame(chart, title, width: 980, height: Math.Max(360, 150 + 42 * rows.Count));
        // Below the plot, so the long lane labels and the legend do not squeeze the timeline between them.
        var legend = new Plotly.NET.LayoutObjects.Legend();
        legend.SetProperty("orientation", "h");
        legend.SetProperty("y", -0.18);
        return new ChartView(ChartStyle.WithLayoutValue(chart, "legend", legend));
    }

    /// <summary>The spans of <paramref name="run"/> up to the end of its <paramref name="batches"/>-th step.</summary>
    private static IEnumerable<TimelineSpan> Shown(StarvationRun run, int batches)
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

    private static Line NoOutline()
    {
        var outline = new Line();
        outline.SetProperty("width", 0.0);
        return outline;
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
