using System.Text.Json.Nodes;
using Course.Specs;
using Course.Specs.Core;
using Course.TestSupport;
using TinyTorch.Analysis.Tests.Support;

namespace TinyTorch.Analysis.Tests.RealKernel;

/// <summary>
/// What students see in the real .NET Interactive kernel under Jupyter: it holds FSharp.Core 10.0 for
/// its F# kernel and formats every value through .NET Interactive's formatters (text/html first).
/// </summary>
public sealed class RealKernelOutputTests
{
    private static readonly TimeSpan s_cellTimeout = TimeSpan.FromMinutes(3);

    [RequiresToolFact(typeof(InteractiveKernelUnderJupyter))]
    public async Task ChartsDisplayAsHtmlWithPlotlyJsInTheFirstOutputOnly()
    {
        var result = SampleFigure.ShuffleResult();
        var outputs = await ExecuteAsync(
            TestNotebook.Reference("TinyTorch.dll") + "\n" + TestNotebook.Reference("TinyTorch.Analysis.dll") + "\n"
                + "using TinyTorch.Analysis.Charts;\nusing TinyTorch.Analysis.Instruments;",
            SampleFigure.ShuffleResultCode,
            "ImageView.Show(new TinyTorch.Tensor([0f, 1f, 0.5f, 0.25f], 2, 2), \"a picture\")",
            // Which FSharp.Core each load context holds: the kernel's own, and Plotly.NET's in the bridge's.
            "string.Join(\"; \", System.Runtime.Loader.AssemblyLoadContext.All.SelectMany(c => c.Assemblies"
                + ".Where(a => a.GetName().Name == \"FSharp.Core\").Select(a => c.Name + \" \" + a.GetName().Version)).Order())");

        var first = Assert.Single(outputs[1]);
        var second = Assert.Single(outputs[2]);
        foreach (var chart in new[] { first, second })
        {
            Assert.Equal("execute_result", chart["output_type"]!.GetValue<string>());
            Assert.Contains("<div class=\"tinytorch-chart\">", TestNotebook.Data(chart, "text/html"));
        }

        string firstHtml = TestNotebook.Data(first, "text/html")!;
        string secondHtml = TestNotebook.Data(second, "text/html")!;
        Assert.Contains("var packed = \"H4sI", firstHtml); // gzip's magic number, base64-encoded
        Assert.True(firstHtml.Length > 1_000_000, $"The first chart output should carry plotly.js but is {firstHtml.Length} characters.");
        Assert.Contains("var packed = null;", secondHtml);
        Assert.True(secondHtml.Length < 50_000, $"The second chart output should not carry plotly.js but is {secondHtml.Length} characters.");
        Assert.Contains("shuffle indices", firstHtml);
        Assert.Equal(result.ToString(), TestNotebook.Data(first, "text/plain"));
        Assert.Equal("Chart \"a picture\" (1 traces)", TestNotebook.Data(second, "text/plain"));
        // The conflict this guards against: the kernel's own FSharp.Core is older than the one Plotly.NET needs.
        string fsharpCores = TestNotebook.Data(Assert.Single(outputs[3]), "text/plain")!;
        Assert.Contains("Default 10.0.0.0", fsharpCores);
        Assert.Contains("TinyTorch.Analysis.Plotly 10.1.0.0", fsharpCores);
    }

    [RequiresToolFact(typeof(InteractiveKernelUnderJupyter))]
    public async Task ACheckCellShowsItsReportAsATableAndAsText()
    {
        var report = ModuleSpecs.Check("flip", new Implementation());
        var outputs = await ExecuteAsync(
            TestNotebook.Reference("TinyTorch.dll") + "\n" + TestNotebook.Reference("Course.Specs.dll"),
            "Course.Specs.ModuleSpecs.Check(\"flip\", new Course.Specs.Core.Implementation())");

        var output = Assert.Single(outputs[1]);
        Assert.Equal(report.ToHtml(), TestNotebook.Data(output, "text/html"));
        Assert.Equal(report.ToString(), TestNotebook.Data(output, "text/plain"));
        Assert.StartsWith("<table>", TestNotebook.Data(output, "text/html"));
        Assert.StartsWith("✗ ", TestNotebook.Data(output, "text/plain"));
    }

    private static async Task<JsonObject[][]> ExecuteAsync(params string[] cells)
    {
        using var folder = new TempFolder("tinytorch-real-kernel-");
        string notebook = TestNotebook.Write(folder.File("notebook.ipynb"), cells);
        using var kernel = await RealJupyterKernel.InstallAsync();
        string executed = Assert.Single(await kernel.ExecuteAsync([notebook], folder.File("out"), s_cellTimeout));
        var outputs = TestNotebook.Outputs(executed);
        string[] errors = TestNotebook.Errors(outputs);
        Assert.True(errors.Length == 0, string.Join("\n", errors));
        return outputs;
    }
}
