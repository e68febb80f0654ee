using Microsoft.CodeAnalysis;

namespace Course.Notebooks.Execution.Magic;

/// <summary>
/// Resolves <c>#r "nuget: Id, Version"</c> from the local NuGet package folder only: the engine never
/// downloads (CI and the autograder run offline). A package found there contributes its own assemblies for
/// the best matching target framework; its dependencies are not followed.
/// </summary>
internal sealed class NuGetPackageCache
{
    private static readonly string[] FrameworkPreference =
        ["net10.0", "net9.0", "net8.0", "net7.0", "net6.0", "net5.0", "netcoreapp3.1", "netstandard2.1", "netstandard2.0", "netstandard1.6", "netstandard1.3", "netstandard1.0"];

    private readonly string _root;

    public NuGetPackageCache(string? root = null)
    {
        _root = root
            ?? Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    /// <summary>Resolves a package reference; returns the references, or an error message.</summary>
    public (IReadOnlyList<MetadataReference> References, string? Error) Resolve(string specification)
    {
        string[] parts = specification.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 2)
        {
            return ([], $"'#r \"nuget: {specification}\"' is not of the form '#r \"nuget: PackageId, Version\"'");
        }

        string id = parts[0];
        string? version = parts.Length == 2 ? parts[1] : null;
        string packageFolder = Path.Combine(_root, id.ToLowerInvariant());
        string? versionFolder = version is not null
            ? Path.Combine(packageFolder, version.ToLowerInvariant())
            : HighestVersion(packageFolder);

        string wanted = version is null ? id : $"{id} {version}";
        if (versionFolder is null || !Directory.Exists(versionFolder))
        {
            return ([], $"NuGet package {wanted} is not available offline: the engine does not download packages and it is not in the local package folder ({_root}). "
                + "Restore it with a project that references it, or reference a local assembly with #r \"path/to/Assembly.dll\".");
        }

        string? lib = FrameworkPreference
            .Select(framework => Path.Combine(versionFolder, "lib", framework))
            .FirstOrDefault(Directory.Exists);
        string[] assemblies = lib is null ? [] : Directory.GetFiles(lib, "*.dll");
        if (assemblies.Length == 0)
        {
            return ([], $"NuGet package {wanted} in {versionFolder} has no assemblies for .NET (looked in lib/net*/ and lib/netstandard*/)");
        }

        return (assemblies.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToArray(), null);
    }

    private static string? HighestVersion(string packageFolder)
    {
        if (!Directory.Exists(packageFolder))
        {
            return null;
        }

        return Directory.GetDirectories(packageFolder)
            .Select(folder => (Folder: folder, Version: Version.TryParse(Path.GetFileName(folder).Split('-')[0], out Version? v) ? v : null))
            .Where(entry => entry.Version is not null)
            .OrderByDescending(entry => entry.Version)
            .Select(entry => entry.Folder)
            .FirstOrDefault();
    }
}
