using System.Text.Json.Nodes;

namespace Course.Cli.Tests;

/// <summary>The module's own notebooks, run the way CI and instructors run them: in a fresh `course` process.</summary>
public sealed class CourseNotebooksTests
{
    [Fact]
    public async Task Course_validate_passes_on_the_course_notebooks()
    {
        var (code, output) = await CourseProcess.RunAsync("validate", Path.Combine(CourseTree.Root(), "notebooks"));

        Assert.True(code == 0, output);
        Assert.Contains("12 passed, 0 failed", output);
    }

    [Fact]
    public async Task Every_source_notebook_runs_clean_and_shows_its_charts_as_html()
    {
        string outDir = Directory.CreateTempSubdirectory("course-run-sources-").FullName;
        try
        {
            string[] sources = Directory.GetFiles(Path.Combine(CourseTree.Root(), "notebooks", "source"), "*.ipynb").Order().ToArray();
            var (code, output) = await CourseProcess.RunAsync(["run", .. sources, "--out", outDir]);

            Assert.True(code == 0, output);
            foreach (string source in sources)
            {
                var outputs = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, Path.GetFileName(source))))!["cells"]!.AsArray()
                    .SelectMany(cell => cell!["outputs"]?.AsArray() ?? []).ToArray();
                Assert.DoesNotContain(outputs, o => o!["output_type"]!.GetValue<string>() == "error");
                int charts = outputs.Count(o => o!["data"]?["text/html"] is JsonArray html && string.Concat(html.Select(l => l!.GetValue<string>())).Contains("Plotly", StringComparison.Ordinal));
                Assert.True(charts >= 1, $"{Path.GetFileName(source)} shows no chart as text/html");
            }
        }
        finally
        {
            Directory.Delete(outDir, true);
        }
    }
}
