using TinyTorch.Analysis.Instruments;

namespace TinyTorch.Analysis.Charts.Bridge;

/// <summary>
/// What this assembly asks of the Plotly.NET bridge (TinyTorch.Analysis.Plotly), the one assembly that
/// touches Plotly.NET's types: figures as plotly.js JSON, and plotly.js itself. Only strings and this
/// assembly's own types cross it, so Plotly.NET and its FSharp.Core stay inside their load context
/// (see <see cref="PlotlyLoadContext"/>).
/// </summary>
internal interface IPlotlyBridge
{
    /// <summary>plotly.min.js as Plotly.NET ships it (about 3.6 MB of text), the copy that matches the JSON it writes.</summary>
    string PlotlyScript { get; }

    /// <summary>The figure of <see cref="BatchSizeSweepResult.ToChart"/>.</summary>
    /// <param name="result">The measurements to draw.</param>
    /// <returns>The figure's JSON.</returns>
    string Draw(BatchSizeSweepResult result);

    /// <summary>The figure of <see cref="CollateCostResult.ToChart"/>.</summary>
    /// <param name="result">The measurements to draw.</param>
    /// <returns>The figure's JSON.</returns>
    string Draw(CollateCostResult result);

    /// <summary>The figure of <see cref="EpochProfile.ToChart"/>.</summary>
    /// <param name="profile">The measurements to draw.</param>
    /// <returns>The figure's JSON.</returns>
    string Draw(EpochProfile profile);

    /// <summary>The figure of <see cref="MemoryComparison.ToChart"/>.</summary>
    /// <param name="comparison">The measurements to draw.</param>
    /// <returns>The figure's JSON.</returns>
    string Draw(MemoryComparison comparison);

    /// <summary>The figure of <see cref="ShuffleCostResult.ToChart"/>.</summary>
    /// <param name="result">The measurements to draw.</param>
    /// <returns>The figure's JSON.</returns>
    string Draw(ShuffleCostResult result);

    /// <summary>The figure of <see cref="StarvationResult.ToChart(int)"/>.</summary>
    /// <param name="result">The runs to draw.</param>
    /// <param name="batches">How many batches of each run to draw, at least 1.</param>
    /// <returns>The figure's JSON.</returns>
    string Draw(StarvationResult result, int batches);

    /// <summary>The figure of <see cref="ImageView.Grid"/>: images in a grid, row by row.</summary>
    /// <param name="images">Each image as rows of [red, green, blue] pixels (<see cref="ImageView.ToRgb"/>), at least one.</param>
    /// <param name="titles">One title per image.</param>
    /// <param name="columns">Images per row, between 1 and the number of images.</param>
    /// <param name="title">The chart's title.</param>
    /// <returns>The figure's JSON.</returns>
    string DrawImages(IReadOnlyList<int[][][]> images, IReadOnlyList<string> titles, int columns, string title);
}
