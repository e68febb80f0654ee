using System.Reflection;
using System.Runtime.Loader;
using TinyTorch.Analysis.Charts;
using TinyTorch.Analysis.Charts.Bridge;
using TinyTorch.Analysis.Tests.Support;

namespace TinyTorch.Analysis.Tests.Charts.Bridge;

/// <summary>
/// Plotly.NET and its FSharp.Core must live only in the bridge's own load context: the real .NET
/// Interactive kernel holds FSharp.Core 10.0 in its default context, and Plotly.NET 6 fails with it.
/// </summary>
public sealed class PlotlyLoadContextTests
{
    private static readonly string[] s_plotlyAssemblies =
        ["Plotly.NET", "Plotly.NET.CSharp", "FSharp.Core", "Giraffe.ViewEngine", "DynamicObj", PlotlyBridgeLoader.AssemblyName];

    private static string Draw()
    {
        var result = SampleFigure.ShuffleResult();
        var chart = result.ToChart();
        // A carrying fragment, so plotly.js is read from Plotly.NET's resources as well.
        return chart.ToJson() + ChartHtml.Fragment(chart.ToJson(), carryLibrary: true);
    }

    [Fact]
    public void ChartsAreDrawnWithFSharpCore101LoadedOnlyInTheBridgesContext()
    {
        Assert.Contains("shuffle indices", Draw());

        var defaultNames = AssemblyLoadContext.Default.Assemblies.Select(a => a.GetName().Name).ToHashSet();
        Assert.All(s_plotlyAssemblies, name => Assert.DoesNotContain(name, defaultNames));
        var bridge = AssemblyLoadContext.All.OfType<PlotlyLoadContext>().Single(c => c.Assemblies.Any(a => a.GetName().Name == "Plotly.NET"));
        Assert.Equal("TinyTorch.Analysis.Plotly", bridge.Name);
        var fsharp = bridge.Assemblies.Single(a => a.GetName().Name == "FSharp.Core");
        Assert.Equal(new Version(10, 1, 0, 0), fsharp.GetName().Version);
        Assert.Equal(PlotlyBridgeLoader.DefaultFolder, Path.GetDirectoryName(fsharp.Location));
    }

    [Fact]
    public void TheBridgeSharesTheCallersAnalysisAndTinyTorchAssemblies()
    {
        Draw();
        var bridge = AssemblyLoadContext.All.OfType<PlotlyLoadContext>().First(c => c.Assemblies.Any(a => a.GetName().Name == "Plotly.NET"));

        // Same assembly objects, hence the same types: a result record crosses IPlotlyBridge as itself.
        Assert.Same(typeof(ChartView).Assembly, bridge.LoadFromAssemblyName(new AssemblyName("TinyTorch.Analysis")));
        Assert.Same(typeof(Tensor).Assembly, bridge.LoadFromAssemblyName(new AssemblyName("TinyTorch")));
        Assert.DoesNotContain(bridge.Assemblies, a => a.GetName().Name is "TinyTorch.Analysis" or "TinyTorch");
        // Framework assemblies come from the default context.
        Assert.Same(typeof(System.Text.Json.JsonDocument).Assembly, bridge.LoadFromAssemblyName(new AssemblyName("System.Text.Json")));
    }

    [Fact]
    public void TheBuildPutsPlotlyInTheSubfolderAndNothingOfItBesideTheAnalysisAssembly()
    {
        string bin = Path.GetDirectoryName(typeof(ChartView).Assembly.Location)!;
        string notebookLib = Path.Combine(RepositoryFolder.Root(), "notebooks", "lib");

        Assert.Equal(Path.Combine(bin, "plotly"), PlotlyBridgeLoader.DefaultFolder);
        foreach (string folder in new[] { PlotlyBridgeLoader.DefaultFolder, Path.Combine(notebookLib, "plotly") })
        {
            Assert.All(s_plotlyAssemblies, name => Assert.True(File.Exists(Path.Combine(folder, name + ".dll")), $"{folder} has no {name}.dll"));
        }

        Assert.DoesNotContain(typeof(ChartView).Assembly.GetReferencedAssemblies(), a => a.Name is "Plotly.NET" or "FSharp.Core");
        // Not a dependency of the test's own program, which would load it into the default context...
        string deps = File.ReadAllText(Path.Combine(bin, "TinyTorch.Analysis.Tests.deps.json"));
        Assert.All(s_plotlyAssemblies, name => Assert.DoesNotContain($"/{name}.dll\"", deps, StringComparison.Ordinal));
        // ...nor a neighbour of the TinyTorch.Analysis.dll the notebooks #r, which the kit's engine loads there too.
        Assert.All(s_plotlyAssemblies, name => Assert.False(File.Exists(Path.Combine(notebookLib, name + ".dll")), $"{notebookLib} holds {name}.dll"));
    }

}
