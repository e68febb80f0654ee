using System.Text.Json.Nodes;
using Course.Cli;
using Course.Kernel.Tests.Support;

namespace Course.Kernel.Tests.Jupyter;

/// <summary>
/// <c>jupyter nbconvert --to notebook --execute</c> with the kit's kernel runs every source notebook as
/// <c>course run</c> does: no errors, every chart as <c>text/html</c>.
/// </summary>
public sealed class NbconvertTests
{
    [RequiresToolFact("/usr/bin/jupyter", "nbconvert", "--version")]
    public async Task Every_source_notebook_executes_clean_with_charts_as_html()
    {
        string sources = CourseTree.Path("notebooks", "source");
        string[] notebooks = Directory.GetFiles(sources, "*.ipynb").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(notebooks);
        Assert.True(File.Exists(CourseTree.Path("notebooks", "lib", "TinyTorch.dll")), "notebooks/lib is not laid out; build src/Course.Cli");
        using InstalledKernel kernel = await InstalledKernel.InstallAsync();
        using var outDir = new TempFolder();

        // nbconvert starts each kernel in the notebook's own folder, so `#r "../lib/…"` resolves as in Jupyter.
        var (code, output) = await kernel.RunAsync(
            "/usr/bin/jupyter",
            [
                "nbconvert", "--to", "notebook", "--execute",
                $"--ExecutePreprocessor.kernel_name={kernel.Name}",
                "--ExecutePreprocessor.timeout=600",
                "--output-dir", outDir.Path,
                .. notebooks,
            ],
            sources,
            TimeSpan.FromMinutes(10));

        Assert.True(code == 0, output);
        foreach (string notebook in notebooks)
        {
            string name = Path.GetFileName(notebook);
            JsonNode executed = JsonNode.Parse(File.ReadAllText(outDir.File(name)))!;
            Assert.Equal("C#", executed["metadata"]!["language_info"]!["name"]!.GetValue<string>());
            JsonObject[] outputs = executed["cells"]!.AsArray()
                .SelectMany(cell => cell!["outputs"]?.AsArray() ?? [])
                .Select(o => o!.AsObject())
                .ToArray();
            JsonObject[] errors = outputs.Where(o => o["output_type"]!.GetValue<string>() == "error").ToArray();
            Assert.True(errors.Length == 0, $"{name}: {string.Join("\n", errors.Select(e => $"{e["ename"]}: {e["evalue"]}"))}");

            JsonObject[] charts = outputs.Where(IsChart).ToArray();
            Assert.True(charts.Length >= 1, $"{name} shows no chart");
            Assert.All(charts, chart => Assert.Contains("Plotly", Text(chart["data"]!["text/html"]), StringComparison.Ordinal));
        }
    }

    /// <summary>A chart output: Plotly HTML, or a value whose plain text says it is a chart (which must then have HTML too).</summary>
    private static bool IsChart(JsonObject output) =>
        output["data"] is JsonObject data
        && (Text(data["text/html"]).Contains("Plotly", StringComparison.Ordinal)
            || Text(data["text/plain"]).StartsWith("Chart", StringComparison.Ordinal)
            || Text(data["text/plain"]).Contains("GenericChart", StringComparison.Ordinal));

    /// <summary>nbformat text: a string or a list of lines.</summary>
    private static string Text(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonArray lines => string.Concat(lines.Select(line => line!.GetValue<string>())),
        _ => node.GetValue<string>(),
    };
}
