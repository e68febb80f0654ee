using System.Text.Json.Nodes;
using Course.Notebooks.Validation;

namespace Course.Cli.Tests;

/// <summary>
/// All twelve notebooks in the real .NET Interactive kernel, run by Jupyter as a student's Jupyter runs them: the
/// sources show no error and every chart the kit's engine shows, with plotly.js carried once; the student notebooks
/// compile and every check cell reports "not implemented". Mandatory in CI (COURSE_REQUIRE_TOOLS=1).
/// </summary>
public sealed class NotebooksInTheRealKernelTests
{
    private static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(10);

    [RequiresToolFact(typeof(InteractiveKernelUnderJupyter))]
    public async Task The_sources_run_without_error_and_show_every_chart_in_the_real_kernel()
    {
        string[] sources = Notebooks("source");
        using var kernel = await RealJupyterKernel.InstallAsync();
        using var real = new TempFolder("course-real-sources-");
        using var kit = new TempFolder("course-kit-sources-");
        IReadOnlyList<string> executed = await kernel.ExecuteAsync(sources, real.Path, CellTimeout);
        var (code, output) = await CourseProcess.RunAsync(["run", .. sources, "--out", kit.Path]);
        Assert.True(code == 0, output);

        foreach (string copy in executed)
        {
            string name = Path.GetFileName(copy);
            JsonArray cells = Cells(copy);
            string[] errors = Outputs(cells).Where(o => Type(o) == "error").Select(o => $"{o["ename"]}: {o["evalue"]}").ToArray();
            Assert.True(errors.Length == 0, $"{name} in the real kernel: {string.Join("\n", errors)}");

            int[] realCharts = ChartCells(cells);
            int[] kitCharts = ChartCells(Cells(Path.Combine(kit.Path, name)));
            Assert.NotEmpty(kitCharts);
            Assert.Equal(kitCharts, realCharts);
            Assert.True(CarriesPlotly(cells) <= 1, $"{name}: plotly.js is carried by {CarriesPlotly(cells)} outputs, not at most one");
        }
    }

    [RequiresToolFact(typeof(InteractiveKernelUnderJupyter))]
    public async Task The_student_notebooks_compile_and_every_check_reports_not_implemented_in_the_real_kernel()
    {
        string[] students = Notebooks("student");
        using var kernel = await RealJupyterKernel.InstallAsync();
        using var real = new TempFolder("course-real-students-");

        foreach (string copy in await kernel.ExecuteAsync(students, real.Path, CellTimeout))
        {
            string name = Path.GetFileName(copy);
            JsonArray cells = Cells(copy);
            Assert.DoesNotContain(Outputs(cells), o => Type(o) == "error" && o["evalue"]?.GetValue<string>() == "compilation error");
            int checkCells = 0;
            for (int i = 0; i < cells.Count; i++)
            {
                JsonNode cell = cells[i]!;
                if (cell["metadata"]?["nbgrader"] is not JsonObject nbgrader || nbgrader["grade"]?.GetValue<bool>() != true || nbgrader["solution"]?.GetValue<bool>() == true)
                {
                    continue;
                }

                checkCells++;
                string? plain = (cell["outputs"]?.AsArray() ?? []).Where(o => Type(o!) == "execute_result").Select(o => Text(o!["data"]?["text/plain"])).LastOrDefault();
                IReadOnlyList<CheckLine>? checks = CheckReportText.Parse(plain);
                Assert.True(checks is { Count: > 0 }, $"{name} cell {i + 1} shows no check report: {string.Join(" | ", (cell["outputs"]?.AsArray() ?? []).Select(o => o!.ToJsonString()[..Math.Min(300, o.ToJsonString().Length)]))}");
                Assert.All(checks!, check => Assert.True(check.NotImplemented, $"{name} cell {i + 1}: check {check.Id} is not reported as not implemented: {check.Message}"));
            }

            Assert.True(checkCells > 0, $"{name} has no check cell");
        }
    }

    private static string[] Notebooks(string folder) =>
        Directory.GetFiles(Path.Combine(CourseTree.Root(), "notebooks", folder), "*.ipynb").Order(StringComparer.Ordinal).ToArray();

    private static JsonArray Cells(string path) => JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray();

    private static IEnumerable<JsonObject> Outputs(JsonArray cells) =>
        cells.SelectMany(cell => cell!["outputs"]?.AsArray() ?? []).Select(o => o!.AsObject());

    private static string Type(JsonNode output) => output["output_type"]!.GetValue<string>();

    /// <summary>The positions of the cells that show a chart (the kit's chart fragment as text/html).</summary>
    private static int[] ChartCells(JsonArray cells) =>
        Enumerable.Range(0, cells.Count)
            .Where(i => (cells[i]!["outputs"]?.AsArray() ?? []).Any(o => Text(o!["data"]?["text/html"]).Contains("tinytorch-chart", StringComparison.Ordinal)))
            .ToArray();

    /// <summary>How many outputs carry plotly.js itself (not only a chart that waits for it).</summary>
    private static int CarriesPlotly(JsonArray cells) =>
        Outputs(cells).Count(o => Text(o["data"]?["text/html"]).Contains("var packed = \"", StringComparison.Ordinal));

    private static string Text(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonArray lines => string.Concat(lines.Select(line => line!.GetValue<string>())),
        _ => node.GetValue<string>(),
    };
}
