namespace TinyTorch.Analysis.Charts.Bridge;

/// <summary>
/// Finds the Plotly.NET bridge in the <c>plotly</c> folder beside this assembly and loads it into a
/// <see cref="PlotlyLoadContext"/> of its own.
/// </summary>
/// <remarks>
/// A subfolder rather than this assembly's own folder: hosts load a <c>#r</c>'d assembly's neighbours
/// into their default context (the kit's engine does), where Plotly.NET would meet the host's FSharp.Core.
/// </remarks>
internal static class PlotlyBridgeLoader
{
    /// <summary>The bridge's folder, beside TinyTorch.Analysis.dll.</summary>
    public const string FolderName = "plotly";

    /// <summary>The bridge's assembly name (and file name, with <c>.dll</c>).</summary>
    public const string AssemblyName = "TinyTorch.Analysis.Plotly";

    private const string BridgeTypeName = AssemblyName + ".PlotlyBridge";

    private static readonly Lock s_gate = new();
    private static IPlotlyBridge? s_shared;

    /// <summary>
    /// The <c>plotly</c> folder beside this assembly's file (beside the application when the assembly
    /// was loaded from memory and has no file).
    /// </summary>
    public static string DefaultFolder { get; } = Path.Combine(
        Path.GetDirectoryName(typeof(PlotlyBridgeLoader).Assembly.Location) is { Length: > 0 } folder ? folder : AppContext.BaseDirectory,
        FolderName);

    /// <summary>The bridge in <see cref="DefaultFolder"/>, loaded on first use.</summary>
    /// <remarks>A failed load is not remembered: once the kit is built, the next chart of a running notebook works.</remarks>
    /// <exception cref="FileNotFoundException">The bridge is not in <see cref="DefaultFolder"/> (the message says how to build it).</exception>
    /// <exception cref="InvalidOperationException">The bridge is there but cannot be loaded.</exception>
    public static IPlotlyBridge Shared
    {
        get
        {
            lock (s_gate)
            {
                return s_shared ??= Load(DefaultFolder);
            }
        }
    }

    /// <summary>Loads the bridge found in <paramref name="folder"/> into a new load context.</summary>
    /// <param name="folder">The folder holding TinyTorch.Analysis.Plotly.dll and Plotly.NET with its dependencies.</param>
    /// <returns>The bridge.</returns>
    /// <exception cref="FileNotFoundException">The folder has no TinyTorch.Analysis.Plotly.dll (the message says how to build it).</exception>
    /// <exception cref="InvalidOperationException">The bridge is there but cannot be loaded, e.g. left by an older build.</exception>
    public static IPlotlyBridge Load(string folder)
    {
        string path = Path.Combine(folder, AssemblyName + ".dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Charts need {AssemblyName}.dll and Plotly.NET in {folder}, but that folder has no {AssemblyName}.dll. "
                + "Build the kit from the repository root with `dotnet build Course.sln`: it puts them in a "
                + $"'{FolderName}' folder beside TinyTorch.Analysis.dll (notebooks/lib/{FolderName} for the notebooks).",
                path);
        }

        try
        {
            var assembly = new PlotlyLoadContext(folder).LoadFromAssemblyPath(path);
            var type = assembly.GetType(BridgeTypeName, throwOnError: true)!;
            return (IPlotlyBridge)Activator.CreateInstance(type, nonPublic: true)!;
        }
        catch (Exception e) when (e is FileLoadException or BadImageFormatException or TypeLoadException or InvalidCastException or MissingMethodException)
        {
            throw new InvalidOperationException(
                $"The Plotly.NET bridge in {folder} cannot be loaded ({e.GetType().Name}: {e.Message}). "
                + "It may be left from an older build: rebuild the kit with `dotnet build Course.sln` from the repository root.",
                e);
        }
    }
}
