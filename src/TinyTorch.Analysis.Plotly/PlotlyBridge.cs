using Plotly.NET;
using TinyTorch.Analysis.Charts.Bridge;
using TinyTorch.Analysis.Instruments;
using TinyTorch.Analysis.Plotly.Charts;
using TinyTorch.Analysis.Plotly.Instruments;

namespace TinyTorch.Analysis.Plotly;

/// <summary>
/// The bridge TinyTorch.Analysis loads into its private load context and calls through
/// <see cref="IPlotlyBridge"/>: every chart is drawn here with Plotly.NET and handed back as plotly.js
/// JSON, so no Plotly.NET or FSharp.Core type ever reaches the caller.
/// </summary>
/// <remarks>Created by reflection (<c>PlotlyBridgeLoader</c> names this type), once per process.</remarks>
internal sealed class PlotlyBridge : IPlotlyBridge
{
    private readonly Lazy<string> _plotlyScript = new(PlotlyLibrary.Read);

    /// <inheritdoc/>
    public string PlotlyScript => _plotlyScript.Value;

    /// <inheritdoc/>
    public string Draw(BatchSizeSweepResult result) => Json(BatchSizeSweepChart.Draw(result));

    /// <inheritdoc/>
    public string Draw(CollateCostResult result) => Json(CollateCostChart.Draw(result));

    /// <inheritdoc/>
    public string Draw(EpochProfile profile) => Json(EpochProfileChart.Draw(profile));

    /// <inheritdoc/>
    public string Draw(MemoryComparison comparison) => Json(MemoryComparisonChart.Draw(comparison));

    /// <inheritdoc/>
    public string Draw(ShuffleCostResult result) => Json(ShuffleCostChart.Draw(result));

    /// <inheritdoc/>
    public string Draw(StarvationResult result, int batches) => Json(StarvationChart.Draw(result, batches));

    /// <inheritdoc/>
    public string DrawImages(IReadOnlyList<int[][][]> images, IReadOnlyList<string> titles, int columns, string title) =>
        Json(ImagesChart.Draw(images, titles, columns, title));

    private static string Json(GenericChart chart) => GenericChart.toJson(chart);
}
