using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Course.Cli.Gradescope;

/// <summary>
/// What a built grader's assemblies are, read from their metadata without loading them: which edition of TinyTorch and
/// Course.Specs a folder holds, and whether a build is optimized.
/// </summary>
internal static class GraderAssemblies
{
    /// <summary>Whether the assembly at <paramref name="path"/> defines the type <paramref name="ns"/>.<paramref name="name"/>.</summary>
    /// <param name="path">The assembly.</param>
    /// <param name="ns">The type's namespace.</param>
    /// <param name="name">The type's name.</param>
    /// <returns>True when it does.</returns>
    public static bool DefinesType(string path, string ns, string name)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions.Select(metadata.GetTypeDefinition)
            .Any(t => metadata.StringComparer.Equals(t.Namespace, ns) && metadata.StringComparer.Equals(t.Name, name));
    }

    /// <summary>
    /// Whether the assembly was compiled with optimizations: a Debug build carries
    /// <c>[Debuggable(DebuggingModes.DisableOptimizations | ...)]</c>.
    /// </summary>
    /// <param name="path">The assembly.</param>
    /// <returns>False for a Debug build.</returns>
    public static bool IsOptimized(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference
                || !metadata.StringComparer.Equals(metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name, "DebuggableAttribute"))
            {
                continue;
            }

            // DebuggableAttribute(DebuggingModes): the blob is the prolog (0x0001) and the modes as an int32.
            var blob = metadata.GetBlobReader(attribute.Value);
            if (blob.Length >= 6 && blob.ReadUInt16() == 1)
            {
                const int DisableOptimizations = 0x100;
                return (blob.ReadInt32() & DisableOptimizations) == 0;
            }
        }

        return true;
    }
}
