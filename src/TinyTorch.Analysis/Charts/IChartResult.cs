namespace TinyTorch.Analysis.Charts;

/// <summary>
/// A measurement that knows how to draw itself: every instrument's result implements this, so a
/// notebook shows the chart simply by making the result the cell's value.
/// </summary>
public interface IChartResult
{
    /// <summary>Draws the measurements held by this result.</summary>
    /// <returns>A new chart of this result's data.</returns>
    ChartView ToChart();

    /// <summary>The chart as a notebook's <c>text/html</c> output (see <see cref="ChartView.ToHtml"/>).</summary>
    /// <returns>An HTML fragment that draws the chart offline.</returns>
    string ToHtml();
}
