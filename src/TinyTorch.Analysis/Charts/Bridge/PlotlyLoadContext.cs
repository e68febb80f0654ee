using System.Reflection;
using System.Runtime.Loader;

namespace TinyTorch.Analysis.Charts.Bridge;

/// <summary>
/// The private load context the Plotly.NET bridge and its dependencies run in, so that the FSharp.Core
/// Plotly.NET was built against (10.1) is the one it gets, whatever the host has loaded itself: the real
/// .NET Interactive kernel holds FSharp.Core 10.0 in its default context for its F# kernel.
/// </summary>
/// <remarks>
/// Resolution order: this assembly and TinyTorch are handed back as the caller already loaded them, so a
/// result record is the same type on both sides of <see cref="IPlotlyBridge"/>; framework assemblies
/// (<c>System.*</c>) come from the default context, as everything must share them; any other assembly
/// found in the bridge's folder is loaded from there; anything else falls back to the default context.
/// </remarks>
internal sealed class PlotlyLoadContext : AssemblyLoadContext
{
    private static readonly Assembly[] s_shared = [typeof(PlotlyLoadContext).Assembly, typeof(Tensor).Assembly];

    private readonly string _folder;

    /// <summary>Creates a context that loads from <paramref name="folder"/>.</summary>
    /// <param name="folder">The bridge's folder (<c>plotly</c> beside TinyTorch.Analysis.dll).</param>
    public PlotlyLoadContext(string folder)
        : base("TinyTorch.Analysis.Plotly")
    {
        _folder = folder;
    }

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string? name = assemblyName.Name;
        if (name is null)
        {
            return null;
        }

        foreach (var shared in s_shared)
        {
            if (string.Equals(shared.GetName().Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return shared;
            }
        }

        if (IsFramework(name))
        {
            return null;
        }

        string candidate = Path.Combine(_folder, name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }

    private static bool IsFramework(string name) =>
        name.StartsWith("System.", StringComparison.OrdinalIgnoreCase)
        || name is "System" or "mscorlib" or "netstandard";
}
