using System.Reflection.PortableExecutable;
using Course.Withhold.Rewriting;
using dnlib.DotNet;
using dnlib.DotNet.Emit;

namespace Course.Withhold.Verification;

/// <summary>
/// Checks a written edition against its original, both read afresh from their bytes: the same identity, the same
/// public surface (the injected grading types aside), every kept method's body unchanged, every gutted or
/// forwarded one exactly its replacement (so nothing of its original IL is left), every removed one gone, and no PDB.
/// </summary>
internal static class EditionVerifier
{
    private static readonly HashSet<string> ForwardingOpCodes = new(StringComparer.Ordinal)
    {
        "ldstr", "ldnull", "ldc.i4", "ldc.i4.s", "ldc.i4.0", "ldc.i4.1", "ldc.i4.2", "ldc.i4.3", "ldc.i4.4", "ldc.i4.5", "ldc.i4.6", "ldc.i4.7", "ldc.i4.8",
        "newarr", "dup", "ldarg", "ldarg.s", "ldarg.0", "ldarg.1", "ldarg.2", "ldarg.3", "box", "stelem.ref", "call", "pop", "unbox.any", "castclass", "ret",
    };

    /// <summary>Every way <paramref name="editionPath"/> differs from what <paramref name="expected"/> says it must be; empty when it is right.</summary>
    /// <param name="original">The original assembly's bytes.</param>
    /// <param name="editionPath">The written edition.</param>
    /// <param name="expected">Each original method's fate, by its full name.</param>
    /// <param name="injected">The full names of the types the edition adds.</param>
    public static IReadOnlyList<string> Verify(byte[] original, string editionPath, IReadOnlyDictionary<string, MethodFate> expected, IReadOnlySet<string> injected)
    {
        var options = new ModuleCreationOptions { TryToLoadPdbFromDisk = false };
        using var before = ModuleDefMD.Load(original, options);
        using var after = ModuleDefMD.Load(File.ReadAllBytes(editionPath), options);
        var problems = new List<string>();
        if (before.Assembly?.FullName != after.Assembly?.FullName || !(before.Assembly?.PublicKey?.Data ?? []).AsSpan().SequenceEqual(after.Assembly?.PublicKey?.Data ?? []))
        {
            problems.Add($"the identity changed from {before.Assembly?.FullName} to {after.Assembly?.FullName}");
        }

        problems.AddRange(SurfaceDifferences(before, after, injected));
        problems.AddRange(BodyDifferences(before, after, expected, injected));
        problems.AddRange(DebugInformation(editionPath));
        return problems;
    }

    /// <summary>The lines of one surface missing from the other, each saying which side lacks it.</summary>
    public static IEnumerable<string> SurfaceDifferences(ModuleDef before, ModuleDef after, IReadOnlySet<string> injected)
    {
        var original = PublicSurface.Of(before);
        var edition = PublicSurface.Of(after, t => injected.Contains(t.ReflectionFullName));
        return original.Except(edition, StringComparer.Ordinal).Select(l => "the public surface lost: " + l)
            .Concat(edition.Except(original, StringComparer.Ordinal).Select(l => "the public surface gained: " + l));
    }

    private static IEnumerable<string> BodyDifferences(ModuleDef before, ModuleDef after, IReadOnlyDictionary<string, MethodFate> expected, IReadOnlySet<string> injected)
    {
        var edition = after.GetTypes().SelectMany(t => t.Methods).ToDictionary(m => m.FullName, StringComparer.Ordinal);
        foreach (var method in before.GetTypes().SelectMany(t => t.Methods))
        {
            var fate = expected.GetValueOrDefault(method.FullName) ?? new MethodFate(MethodFateKind.Remove, method.FullName, null);
            edition.Remove(method.FullName, out var written);
            string? problem = (fate.Kind, written) switch
            {
                (MethodFateKind.Remove, null) => null,
                (MethodFateKind.Remove, _) => "should have been removed but is still there",
                (_, null) => $"should have been {fate.Kind.ToString().ToLowerInvariant()} but is missing",
                (MethodFateKind.Keep, _) => MetadataText.BodyOf(method).SequenceEqual(MetadataText.BodyOf(written)) ? null : "is kept but its body changed",
                (MethodFateKind.Gut, _) => GutProblem(written, fate),
                _ => ForwardProblem(written, fate),
            };
            if (problem is not null)
            {
                yield return $"{method.FullName} {problem}";
            }
        }

        foreach (var extra in edition.Values.Where(m => !injected.Contains(m.DeclaringType.ReflectionFullName)))
        {
            yield return $"{extra.FullName} is in the edition but not in the original";
        }
    }

    private static string? GutProblem(MethodDef method, MethodFate fate)
    {
        var body = method.Body;
        var expected = new[] { $"ldstr \"{fate.Member}\"", fate.Exercise is null ? "ldnull " : $"ldstr \"{fate.Exercise}\"" };
        bool right = body is { Variables.Count: 0, ExceptionHandlers.Count: 0, Instructions.Count: 4 }
            && body.Instructions.Take(2).Select(i => MetadataText.Of(i, body.Instructions)).SequenceEqual(expected)
            && body.Instructions[2] is { OpCode.Code: Code.Newobj, Operand: IMethod { DeclaringType.ReflectionFullName: $"{GradingTypes.Namespace}.{GradingTypes.ExceptionName}" } }
            && body.Instructions[3].OpCode.Code == Code.Throw;
        return right ? null : "is not exactly `throw new ReferenceWithheldException(member, exercise)`";
    }

    private static string? ForwardProblem(MethodDef method, MethodFate fate)
    {
        var body = method.Body;
        bool right = body is { Variables.Count: 0, ExceptionHandlers.Count: 0 }
            && MetadataText.Of(body.Instructions[0], body.Instructions) == $"ldstr \"{fate.Member}\""
            && body.Instructions.All(i => ForwardingOpCodes.Contains(i.OpCode.Name))
            && body.Instructions.Where(i => i.Operand is IMethod).Select(i => (IMethod)i.Operand).SingleOrDefault() is { Name.String: "Invoke" } invoke
            && invoke.DeclaringType.ReflectionFullName == $"{GradingTypes.Namespace}.{GradingTypes.ForwarderName}";
        return right ? null : "is not exactly a call of WithheldReference.Invoke with its boxed arguments";
    }

    private static IEnumerable<string> DebugInformation(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        return reader.ReadDebugDirectory()
            .Where(e => e.Type is DebugDirectoryEntryType.CodeView or DebugDirectoryEntryType.EmbeddedPortablePdb or DebugDirectoryEntryType.PdbChecksum)
            .Select(e => $"the edition still points to debug information ({e.Type})");
    }
}
