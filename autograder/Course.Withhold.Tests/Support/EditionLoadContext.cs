using System.Reflection;
using System.Runtime.Loader;

namespace Course.Withhold.Tests.Support;

/// <summary>
/// A collectible load context that resolves TinyTorch and TinyTorch.Analysis from one folder (the editions, or the
/// originals) and everything else (Plotly.NET, the framework) as the test process does, as the grading runner will.
/// </summary>
internal sealed class EditionLoadContext(string folder) : AssemblyLoadContext("editions " + folder, isCollectible: true)
{
    /// <summary>The folder the TinyTorch assemblies come from.</summary>
    public string Folder { get; } = folder;

    /// <summary>The TinyTorch assembly of this context.</summary>
    public Assembly TinyTorch => LoadFromAssemblyName(new AssemblyName("TinyTorch"));

    /// <summary>The TinyTorch.Analysis assembly of this context.</summary>
    public Assembly Analysis => LoadFromAssemblyName(new AssemblyName("TinyTorch.Analysis"));

    /// <summary>A type of TinyTorch or TinyTorch.Analysis by its full name.</summary>
    public Type Type(string fullName) => TypeOrNull(fullName) ?? throw new TypeLoadException($"No type {fullName} in {Folder}.");

    /// <summary>A type of TinyTorch or TinyTorch.Analysis by its full name, or null when there is none.</summary>
    public Type? TypeOrNull(string fullName) => TinyTorch.GetType(fullName) ?? Analysis.GetType(fullName);

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string path = System.IO.Path.Combine(Folder, assemblyName.Name + ".dll");
        return assemblyName.Name is "TinyTorch" or "TinyTorch.Analysis" && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
