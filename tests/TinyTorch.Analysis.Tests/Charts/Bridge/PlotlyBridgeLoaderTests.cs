using System.Reflection;
using System.Runtime.Loader;
using TinyTorch.Analysis.Charts;
using TinyTorch.Analysis.Charts.Bridge;
using TinyTorch.Analysis.Instruments;

namespace TinyTorch.Analysis.Tests.Charts.Bridge;

public sealed class PlotlyBridgeLoaderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tinytorch-bridge-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void AMissingBridgeIsReportedWithTheFolderAndHowToBuildIt()
    {
        var error = Assert.Throws<FileNotFoundException>(() => PlotlyBridgeLoader.Load(_folder.FullName));

        Assert.Equal(Path.Combine(_folder.FullName, "TinyTorch.Analysis.Plotly.dll"), error.FileName);
        Assert.Contains($"in {_folder.FullName}, but that folder has no TinyTorch.Analysis.Plotly.dll", error.Message);
        Assert.Contains("dotnet build Course.sln", error.Message);
    }

    [Fact]
    public void ABridgeThatIsNotAnAssemblyIsReportedAsABuildToRedo()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "TinyTorch.Analysis.Plotly.dll"), "not an assembly");

        var error = Assert.Throws<InvalidOperationException>(() => PlotlyBridgeLoader.Load(_folder.FullName));

        Assert.IsType<BadImageFormatException>(error.InnerException);
        Assert.StartsWith($"The Plotly.NET bridge in {_folder.FullName} cannot be loaded (BadImageFormatException: ", error.Message);
        Assert.Contains("rebuild the kit with `dotnet build Course.sln`", error.Message);
    }

    [Fact]
    public void ToChartLooksBesideTheAnalysisAssemblyItsOwnFileAndNamesThatFolderWhenTheBridgeIsMissing()
    {
        // A copy of TinyTorch.Analysis.dll (and TinyTorch.dll) in a folder without plotly/, loaded on
        // its own, as a notebook would #r a library folder that was built before the bridge existed.
        foreach (var assembly in new[] { typeof(ChartView).Assembly, typeof(Tensor).Assembly })
        {
            File.Copy(assembly.Location, Path.Combine(_folder.FullName, Path.GetFileName(assembly.Location)));
        }

        // Not collectible: the copy's module initializer registers its formatters in the process-wide registry.
        var copy = new CopyContext(_folder.FullName).LoadFromAssemblyPath(Path.Combine(_folder.FullName, "TinyTorch.Analysis.dll"));
        object result = copy.GetType(typeof(ShuffleCost).FullName!)!.GetMethod(nameof(ShuffleCost.Run))!
            .Invoke(null, [new[] { 8 }, 2, 1, 0])!;

        var error = Assert.Throws<TargetInvocationException>(() => result.GetType().GetMethod(nameof(ShuffleCostResult.ToChart))!.Invoke(result, null));

        var missing = Assert.IsType<FileNotFoundException>(error.InnerException);
        Assert.Contains($"in {Path.Combine(_folder.FullName, "plotly")}, but", missing.Message);
    }

    /// <summary>Loads the copied assemblies from their folder and everything else as the test itself has it.</summary>
    private sealed class CopyContext(string folder) : AssemblyLoadContext("copy of TinyTorch.Analysis")
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            string candidate = Path.Combine(folder, assemblyName.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
