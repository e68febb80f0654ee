using Course.Notebooks.Files;
using Course.Withhold.Analysis;
using Course.Withhold.Cli;
using Course.Withhold.Policy;
using Course.Withhold.Rewriting;
using Course.Withhold.Verification;
using dnlib.DotNet;
using dnlib.DotNet.Writer;

namespace Course.Withhold;

/// <summary>
/// Makes one withheld edition: reads the assembly, binds its policy, computes what is kept, fails on a kept member
/// that needs a withheld one, rewrites, writes to a temporary file, verifies it and only then puts it in place,
/// so a failed run never leaves a half-made edition where the runner would load it.
/// </summary>
public static class EditionBuilder
{
    /// <summary>Makes the edition of <paramref name="inputPath"/> in <paramref name="outputDirectory"/>.</summary>
    /// <param name="inputPath">The assembly.</param>
    /// <param name="policy">The policy, which must have an entry for the assembly.</param>
    /// <param name="outputDirectory">The folder the edition goes to, under the input's file name.</param>
    /// <param name="keyFile">A strong-name key to sign the edition with, when the original is signed; null to leave it unsigned (the identity keeps the public key, which .NET does not check).</param>
    /// <returns>What was done.</returns>
    /// <exception cref="WithholdException">Anything that stops the edition, with the exit code that says what.</exception>
    public static EditionReport Build(string inputPath, WithheldPolicy policy, string outputDirectory, string? keyFile = null)
    {
        byte[] original = ReadInput(inputPath);
        using var module = Load(original, inputPath);
        string name = module.Assembly.Name;
        var assemblyPolicy = policy.For(name) ?? throw new WithholdException(ExitCode.PolicyInvalid,
            $"Policy '{policy.Source}' has no entry for assembly {name} ('{inputPath}'); add one (an entry with no lists withholds nothing).");
        var bound = PolicyBinder.Bind(module, assemblyPolicy, policy.Source);
        var reach = ReachabilityAnalysis.Analyze(module, bound);
        if (reach.Breaches.Count > 0)
        {
            throw new WithholdException(ExitCode.ContractNeedsWithheld,
                $"{name}: {reach.Breaches.Count} member(s) that the edition keeps need a withheld one, so the edition would break them. " +
                "Fix the library so that no contract member reaches a reference answer (or change the policy):" +
                string.Concat(reach.Breaches.Select(b => Environment.NewLine + "  " + b)));
        }

        var plan = EditionPlanner.Plan(module, bound, reach);
        var expected = plan.Methods.ToDictionary(p => p.Key.FullName, p => p.Value, StringComparer.Ordinal);
        var grading = assemblyPolicy.InjectsGradingTypes
            ? GradingTypes.Inject(module)
            : GradingTypes.Reference(module, assemblyPolicy.GradingTypesFrom);
        EditionRewriter.Apply(module, plan, grading);

        string outputPath = Path.Combine(outputDirectory, Path.GetFileName(inputPath));
        try
        {
            // Verified before it is put in place: an edition that fails verification is never written.
            AtomicFile.Write(outputPath, temporary =>
            {
                Write(module, temporary, keyFile);
                var problems = EditionVerifier.Verify(original, temporary, expected, grading.Injected.Select(t => t.ReflectionFullName).ToHashSet(StringComparer.Ordinal));
                if (problems.Count > 0)
                {
                    throw new WithholdException(ExitCode.VerificationFailed,
                        $"{name}: the edition failed verification, so it was not written:" + string.Concat(problems.Select(p => Environment.NewLine + "  " + p)));
                }
            });

            // A PDB beside the edition (an earlier copy of the original's) would describe code that is not there.
            File.Delete(Path.ChangeExtension(outputPath, ".pdb"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ModuleWriterException)
        {
            throw new WithholdException(ExitCode.OutputFailed, $"{name}: cannot write the edition to '{outputPath}': {e.Message}", e);
        }

        return new EditionReport(name, outputPath,
            plan.Count(MethodFateKind.Keep), plan.Count(MethodFateKind.Gut), plan.Count(MethodFateKind.Forward), plan.Count(MethodFateKind.Remove),
            plan.RemovedTypes.Count, reach.Unrunnable.Select(u => u.ToString()).ToArray());
    }

    private static byte[] ReadInput(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new WithholdException(ExitCode.InputUnreadable, $"Cannot read the assembly '{path}': {e.Message}", e);
        }
    }

    private static ModuleDefMD Load(byte[] bytes, string path)
    {
        ModuleDefMD module;
        try
        {
            module = ModuleDefMD.Load(bytes, new ModuleCreationOptions { TryToLoadPdbFromDisk = false });
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or InvalidOperationException or ArgumentException)
        {
            throw new WithholdException(ExitCode.InputUnreadable, $"'{path}' is not a .NET assembly: {e.Message}", e);
        }

        if (module.Assembly is null)
        {
            module.Dispose();
            throw new WithholdException(ExitCode.InputUnreadable, $"'{path}' is a module without an assembly manifest; give the assembly.");
        }

        return module;
    }

    private static void Write(ModuleDefMD module, string path, string? keyFile)
    {
        var options = new ModuleWriterOptions(module) { WritePdb = false };
        // The key blob, not the PublicKey flag, is what gives the assembly its identity (a tool may set one without the other).
        bool sign = !PublicKeyBase.IsNullOrEmpty2(module.Assembly.PublicKey) && keyFile is not null;
        if (sign)
        {
            options.InitializeStrongNameSigning(module, new StrongNameKey(keyFile));
        }

        // Without the key the edition cannot carry a valid signature: it keeps the public key (its identity, which
        // .NET does not check against a signature) and says honestly that it is not signed.
        const dnlib.DotNet.MD.ComImageFlags signed = dnlib.DotNet.MD.ComImageFlags.StrongNameSigned;
        options.Cor20HeaderOptions.Flags = sign ? module.Cor20HeaderFlags | signed : module.Cor20HeaderFlags & ~signed;
        module.Write(path, options);
    }
}
