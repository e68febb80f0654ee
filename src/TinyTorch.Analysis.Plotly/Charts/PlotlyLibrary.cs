using Plotly.NET;

namespace TinyTorch.Analysis.Plotly.Charts;

/// <summary>The plotly.min.js that Plotly.NET embeds in its assembly, the only copy available offline.</summary>
internal static class PlotlyLibrary
{
    /// <summary>Reads plotly.min.js from Plotly.NET's resources.</summary>
    /// <returns>The script's text (about 3.6 MB).</returns>
    /// <exception cref="InvalidOperationException">This Plotly.NET embeds no plotly.min.js.</exception>
    public static string Read()
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
}
