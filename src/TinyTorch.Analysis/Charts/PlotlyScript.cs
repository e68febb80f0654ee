using System.IO.Compression;
using TinyTorch.Analysis.Charts.Bridge;

namespace TinyTorch.Analysis.Charts;

/// <summary>
/// The plotly.js that Plotly.NET ships inside its assembly, read through the bridge. Using that copy
/// keeps the charts offline (the kit never reaches a CDN) and guarantees the script matches the JSON
/// Plotly.NET writes.
/// </summary>
internal static class PlotlyScript
{
    // PublicationOnly: a failure (no bridge yet) is not remembered, so building the kit fixes a running notebook.
    private static readonly Lazy<string> s_gzipBase64 = new(Pack, LazyThreadSafetyMode.PublicationOnly);

    /// <summary>plotly.min.js as text (about 3.6 MB).</summary>
    public static string Source => PlotlyBridgeLoader.Shared.PlotlyScript;

    /// <summary>plotly.min.js gzip-compressed then base64-encoded (about 1.5 MB), for notebook outputs.</summary>
    public static string GzipBase64 => s_gzipBase64.Value;

    private static string Pack()
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Optimal))
        {
            using var writer = new StreamWriter(gzip);
            writer.Write(Source);
        }

        return Convert.ToBase64String(packed.ToArray());
    }
}
