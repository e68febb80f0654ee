using System.IO.Compression;
using System.Reflection;
using Plotly.NET;

namespace TinyTorch.Analysis.Charts;

/// <summary>
/// The plotly.js that Plotly.NET ships inside its assembly. Using that copy keeps the charts offline
/// (the kit never reaches a CDN) and guarantees the script matches the JSON Plotly.NET writes.
/// </summary>
internal static class PlotlyScript
{
    private static readonly Lazy<string> s_source = new(ReadSource);
    private static readonly Lazy<string> s_gzipBase64 = new(Pack);

    /// <summary>plotly.min.js as text (about 3.6 MB).</summary>
    public static string Source => s_source.Value;

    /// <summary>plotly.min.js gzip-compressed then base64-encoded (about 1.5 MB), for notebook outputs.</summary>
    public static string GzipBase64 => s_gzipBase64.Value;

    private static string ReadSource()
    {
        var assembly = typeof(GenericChart).Assembly;
        // Found by pattern rather than by exact name so a Plotly.NET upgrade (new plotly.js version) keeps working.
        string name = assembly.GetManifestResourceNames()
            .SingleOrDefault(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
            ?? throw new InvalidOperationException(
                $"{assembly.GetName().Name} {assembly.GetName().Version} does not embed plotly.min.js; charts cannot render offline.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

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
