namespace Course.Withhold.Policy;

/// <summary>The whole policy file: one entry per assembly the tool may be given.</summary>
/// <param name="Source">The file it was read from, for messages.</param>
/// <param name="Assemblies">The assemblies' policies.</param>
public sealed record WithheldPolicy(string Source, IReadOnlyList<AssemblyPolicy> Assemblies)
{
    /// <summary>The policy of the assembly named <paramref name="assemblyName"/>, or null when the file has none.</summary>
    /// <param name="assemblyName">The assembly's simple name.</param>
    /// <returns>Its policy, or null.</returns>
    public AssemblyPolicy? For(string assemblyName) =>
        Assemblies.FirstOrDefault(a => string.Equals(a.Name, assemblyName, StringComparison.Ordinal));
}
