using System.Globalization;
using Plotly.NET;
using Plotly.NET.CSharp;
using Plotly.NET.LayoutObjects;
using TinyTorch.Analysis.Instruments;
using TinyTorch.Analysis.Plotly.Charts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace TinyTorch.Analysis.Plotly.Instruments;

/// <summary>Draws <see cref="StarvationResult.ToChart(int)"/>.</summary>
internal static class StarvationChart
{
    private static readonly Dictionary<TimelineActivity, string> s_colours = new()
    {
        [TimelineActivity.Compute] = "#2ca02c",
        [TimelineActivity.Waiting] = "#d62728",
        [TimelineActivity.Loading] = "#1f77b4",
    };

    /// <summary>
    /// A Gantt-style timeline: one row per lane (the accelerator and each loading thread) of each run,
    /// bars for computing, idling and loading, against time in milliseconds, up to the end of each
    /// run's <paramref name="batches"/>-th step.
    /// </summary>
    public static GenericChart Draw(StarvationResult result, int batches)
    {
        var runs = result.Runs;
        var rows = new List<string>();
        foreach (var run in runs)
        {
            rows.Add(StarvationResult.LaneLabel(run, StarvationSimulator.AcceleratorLane));
            rows.AddRange(run.Timeline.Where(s => s.Lane != StarvationSimulator.AcceleratorLane)
                .Select(s => s.Lane).Distinct().Order(StringComparer.Ordinal).Select(lane => StarvationResult.LaneLabel(run, lane)));
        }

        var traces = new List<GenericChart>();
        foreach (var activity in StarvationResult.ActivityNames.Keys)
        {
            var spans = runs.SelectMany(run => StarvationResult.Shown(run, batches).Where(s => s.Activity == activity).Select(s => (Run: run, Span: s))).ToArray();
            var bars = CSharpChart.Bar<double, string, string>(
                spans.Select(x => x.Span.DurationMilliseconds),
                Keys: spans.Select(x => StarvationResult.LaneLabel(x.Run, x.Span.Lane)).ToArray(),
                Name: StarvationResult.ActivityNames[activity],
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
        int most = runs.Count == 0 ? 0 : runs.Max(r => r.Batches);
        string shown = most > batches ? $", first {batches} of {most} batches" : "";
        string title = string.Create(CultureInfo.InvariantCulture,
            $"A data-starved accelerator idles: {result.StepCost.TotalMilliseconds:0.##} ms step per batch of {result.BatchSize}{shown}");
        chart = ChartStyle.Frame(chart, title, width: 980, height: Math.Max(360, 150 + 42 * rows.Count));
        // Below the plot, so the long lane labels and the legend do not squeeze the timeline between them.
        var legend = new Legend();
        legend.SetProperty("orientation", "h");
        legend.SetProperty("y", -0.18);
        return ChartStyle.WithLayoutValue(chart, "legend", legend);
    }

    private static Line NoOutline()
    {
        var outline = new Line();
        outline.SetProperty("width", 0.0);
        return outline;
    }
}
