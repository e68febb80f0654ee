using System.Reflection;
using System.Runtime.Loader;

namespace Course.Notebooks.Execution;

/// <summary>
/// Loads a <c>#r</c>'d assembly and the assemblies beside it into the default load context before a cell
/// compiled against it runs.
/// </summary>
/// <remarks>
/// Roslyn's script loader gives assemblies loaded from files load contexts of their own, so two
/// referenced libraries that share a dependency (Plotly.NET and Giraffe.ViewEngine both use FSharp.Core)
/// can each get their own copy of it, and calls between them then fail with MissingMethodException.
/// With one copy of everything in the default context, as the .NET Interactive kernel effectively has,
/// they agree. Assemblies already loaded by name are left alone.
/// </remarks>
internal static class DefaultContextLoader
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Folders = new(StringComparer.Ordinal);

    public static void LoadWithNeighbours(string assemblyPath)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(assemblyPath));
        if (folder is null || !File.Exists(assemblyPath))
        {
            return;
        }

        lock (Gate)
        {
            if (!Folders.Add(folder))
            {
                return;
            }

            var loaded = AssemblyLoadContext.Default.Assemblies.Select(a => a.GetName().Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (string file in Directory.EnumerateFiles(folder, "*.dll"))
            {
                string name = Path.GetFileNameWithoutExtension(file);
                if (loaded.Contains(name))
                {
                    continue;
                }

                try
                {
                    AssemblyLoadContext.Default.LoadFromAssemblyPath(file);
                    loaded.Add(name);
                }
                catch (Exception e) when (e is BadImageFormatException or FileLoadException)
                {
                    // A native library or an assembly of another version already loaded: not ours to load.
                }
            }

            // Dependencies asked for later (lazily, by name) are found in the same folders.
            if (Folders.Count == 1)
            {
                AssemblyLoadContext.Default.Resolving += (context, name) => Resolve(name);
            }
        }
    }

    private static Assembly? Resolve(AssemblyName name)
    {
        string[] folders;
        lock (Gate)
        {
            folders = [.. Folders];
        }

        foreach (string folder in folders)
        {
            string candidate = Path.Combine(folder, name.Name + ".dll");
            if (File.Exists(candidate))
            {
                return AssemblyLoadContext.Default.LoadFromAssemblyPath(candidate);
            }
        }

        return null;
    }
}
