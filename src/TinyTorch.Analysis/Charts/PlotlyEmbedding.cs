namespace TinyTorch.Analysis.Charts;

/// <summary>
/// Where a chart's notebook output (<see cref="ChartView.ToHtml"/>) gets plotly.js from. Nothing is
/// ever fetched from a network: the library is the copy Plotly.NET ships, inlined.
/// </summary>
public enum PlotlyEmbedding
{
    /// <summary>
    /// Every output carries plotly.js (gzip-compressed, about 1.5 MB) and loads it only if the page
    /// does not have it yet. Any output renders on its own: after a reload, when earlier outputs were
    /// cleared, or when it is viewed alone; but every chart adds 1.5 MB to the notebook file.
    /// </summary>
    EveryOutput,

    /// <summary>
    /// Only the first chart output of the process (of the kernel session: one notebook) carries
    /// plotly.js; later ones wait for the page to have it. Notebooks stay small, but the charts stay
    /// blank, saying why, if that first output is cleared or re-run, or an output is viewed without it.
    /// The default.
    /// </summary>
    FirstOutputOnly,
}
