using Course.TestSupport;
using Course.Withhold.Tests.Support;

namespace Course.Withhold.Tests;

/// <summary>The tool as a process: what it writes, and how it fails (exit code and a message naming what is wrong).</summary>
public sealed class ToolTests : IDisposable
{
    private readonly TempFolder _folder = new("withhold-tool-");

    private static string TinyTorch => Path.Combine(Editions.Originals, "TinyTorch.dll");

    [Fact]
    public void Help_prints_the_usage_and_succeeds()
    {
        var run = ToolRun.Of("--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Usage: Course.Withhold --policy <file> --out <folder>", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "Missing --policy")]
    [InlineData(new[] { "--policy", "p.json", "--out" }, "Option --out needs a value")]
    [InlineData(new[] { "--policy", "p.json", "--out", "o", "--frobnicate", "x.dll" }, "Unknown option '--frobnicate'")]
    [InlineData(new[] { "--policy", "p.json", "--out", "o" }, "Missing an input assembly")]
    public void A_wrong_command_line_exits_2(string[] arguments, string message) => AssertFails(ToolRun.Of(arguments), 2, message);

    [Fact]
    public void The_real_policy_makes_both_editions_and_names_what_cannot_run()
    {
        var run = Withhold(Editions.Policy, TinyTorch, Path.Combine(Editions.Originals, "TinyTorch.Analysis.dll"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"TinyTorch: \d+ methods kept, \d+ withheld, 1 forwarded", run.Output);
        Assert.Contains("note: kept code refers to an instance member of a withheld class", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(_folder.File("out/TinyTorch.dll")) && File.Exists(_folder.File("out/TinyTorch.Analysis.dll")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Editions.Folder, "TinyTorch.dll")), File.ReadAllBytes(_folder.File("out/TinyTorch.dll")));
    }

    [Fact]
    public void A_missing_assembly_exits_3_naming_it()
    {
        string missing = _folder.File("nowhere/TinyTorch.dll");

        AssertFails(Withhold(Editions.Policy, missing), 3, $"Cannot read the assembly '{missing}'");
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_exits_3()
    {
        string fake = _folder.File("TinyTorch.dll");
        File.WriteAllText(fake, "MZ but not really");

        AssertFails(Withhold(Editions.Policy, fake), 3, $"'{fake}' is not a .NET assembly");
    }

    [Theory]
    [InlineData("{ \"assemblies\": [ { \"name\": \"TinyTorch\", ", "is not valid JSON")]
    [InlineData("{ \"assemblies\": [ { \"name\": \"TinyTorch\", \"withold\": [] } ] }", "assemblies[0] has an unknown property \"withold\"")]
    [InlineData("{ \"assemblies\": [ { \"name\": \"TinyTorch\", \"withheld\": [ { \"type\": \"TinyTorch.Data.NoSuchLoader\" } ] } ] }", "type TinyTorch.Data.NoSuchLoader does not exist in the assembly")]
    [InlineData("{ \"assemblies\": [ { \"name\": \"TinyTorch\", \"withheld\": [ { \"type\": \"TinyTorch.Data.dataloader\" } ] } ] }", "(did you mean TinyTorch.Data.DataLoader?)")]
    [InlineData("{ \"assemblies\": [ { \"name\": \"TinyTorch\", \"withheld\": [ { \"member\": \"TinyTorch.Tensor.NoSuch\" } ] } ] }", "type TinyTorch.Tensor has no member 'NoSuch'")]
    [InlineData("{ \"assemblies\": [ { \"name\": \"TinyTorch\", \"withheld\": [ { \"type\": \"A\", \"member\": \"B\" } ] } ] }", "assemblies[0].withheld[0] needs exactly one of \"type\" and \"member\"")]
    [InlineData("{ \"assemblies\": [ { \"name\": \"TinyTorch\", \"forwarded\": [ { \"type\": \"TinyTorch.Tensor\" } ] } ] }", "only members can be forwarded")]
    [InlineData("{ \"assemblies\": [ { \"name\": \"Other\" } ] }", "has no entry for assembly TinyTorch")]
    public void A_bad_policy_exits_4_saying_where(string policy, string message)
    {
        string path = _folder.File("policy.json");
        File.WriteAllText(path, policy);

        AssertFails(Withhold(path, TinyTorch), 4, message);
        Assert.False(File.Exists(_folder.File("out/TinyTorch.dll")));
    }

    [Fact]
    public void A_missing_policy_exits_4()
    {
        AssertFails(Withhold(_folder.File("none.json"), TinyTorch), 4, "Cannot read the policy file");
    }

    [Fact]
    public void Withholding_what_the_contract_needs_exits_5_with_the_path()
    {
        // Normalize (the contract) checks its input's layout with ImageLayout.Of, a static helper.
        string path = _folder.File("policy.json");
        File.WriteAllText(path, """{ "assemblies": [ { "name": "TinyTorch", "withheld": [ { "type": "TinyTorch.Transforms.ImageLayout", "exercise": "Layout" } ] } ] }""");

        var run = Withhold(path, TinyTorch);

        AssertFails(run, 5, "need a withheld one");
        Assert.Matches(@"TinyTorch\.Transforms\.Normalize\.\w+\([^)]*\) → .*TinyTorch\.Transforms\.ImageLayout\.Of\(ReadOnlySpan<Int32>, String\) \(withheld by type TinyTorch\.Transforms\.ImageLayout, the Layout exercise\)", run.Error);
        Assert.False(File.Exists(_folder.File("out/TinyTorch.dll")));
    }

    [Fact]
    public void Forwarding_a_method_that_takes_a_span_exits_7_naming_the_parameter()
    {
        string path = _folder.File("policy.json");
        File.WriteAllText(path, """{ "assemblies": [ { "name": "TinyTorch", "forwarded": [ { "member": "TinyTorch.Tensor.CopyRowTo" } ] } ] }""");

        AssertFails(Withhold(path, TinyTorch), 7, "Cannot forward TinyTorch.Tensor.CopyRowTo(Int32, Span<Single>): parameter 'destination' is a ref struct");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_strong_named_identity_survives_and_is_signed_again_given_the_key(bool withKey)
    {
        // TinyTorch as a signed build would be: the same assembly with a public key.
        using var rsa = System.Security.Cryptography.RSA.Create(1024);
        var key = rsa.ExportParameters(includePrivateParameters: true);
        string keyed = _folder.File("keyed/TinyTorch.dll");
        string snk = _folder.File("key.snk");
        Directory.CreateDirectory(Path.GetDirectoryName(keyed)!);
        File.WriteAllBytes(snk, StrongNameKeyFile.Of(key));
        using (var module = dnlib.DotNet.ModuleDefMD.Load(TinyTorch))
        {
            module.Assembly.PublicKey = new dnlib.DotNet.PublicKey(new dnlib.DotNet.StrongNamePublicKey(key.Modulus!, StrongNameKeyFile.Exponent(key)).CreatePublicKey());
            module.Write(keyed);
        }

        var run = withKey
            ? ToolRun.Of("--policy", Editions.Policy, "--out", _folder.File("out"), "--key-file", snk, keyed)
            : Withhold(Editions.Policy, keyed);

        Assert.True(run.ExitCode == 0, run.ToString());
        string edition = _folder.File("out/TinyTorch.dll");
        byte[]? token = System.Reflection.AssemblyName.GetAssemblyName(edition).GetPublicKeyToken();
        Assert.NotEmpty(token!);
        Assert.Equal(System.Reflection.AssemblyName.GetAssemblyName(keyed).GetPublicKeyToken(), token);
        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(edition));
        Assert.Equal(withKey, pe.PEHeaders.CorHeader!.Flags.HasFlag(System.Reflection.PortableExecutable.CorFlags.StrongNameSigned));
    }

    /// <inheritdoc/>
    public void Dispose() => _folder.Dispose();

    private ToolRun Withhold(string policy, params string[] inputs) =>
        ToolRun.Of(["--policy", policy, "--out", _folder.File("out"), .. inputs]);

    private static void AssertFails(ToolRun run, int exitCode, string message)
    {
        Assert.True(run.ExitCode == exitCode, $"Expected exit {exitCode}: {run}");
        Assert.Contains($"error WH{exitCode:000} : ", run.Error, StringComparison.Ordinal);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }
}
