using System.Text;
using Course.Notebooks.DotNetInteractive;
using Course.Notebooks.Execution;

namespace Course.Notebooks.Tests.Parity;

/// <summary>
/// The kit's engine against the real .NET Interactive kernel (the pinned tool, in a process of its own): the
/// corpus runs in both, and every cell must show the same, except the intended differences docs/ENGINE.md lists.
/// </summary>
public sealed class ParityTests
{
    private static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(2);

    [RequiresToolFact(typeof(InteractiveKernel))]
    public async Task The_corpus_shows_the_same_in_both_kernels_but_for_the_listed_differences()
    {
        Assert.True(ParityCorpus.Cases.Count >= 40, $"the corpus has only {ParityCorpus.Cases.Count} cells");
        using var folder = new TempFolder("course-parity-");
        Directory.CreateDirectory(folder.File("lib"));
        File.Copy(typeof(TinyTorch.Tensor).Assembly.Location, folder.File(ParityCorpus.RelativeLibrary));

        await using var real = await DotNetInteractiveKernel.StartAsync(folder.Path);
        using var kit = new NotebookSession(new NotebookSessionOptions { BaseDirectory = folder.Path, CellTimeout = CellTimeout });
        var report = new StringBuilder();
        string engineDoc = File.ReadAllText(Path.Combine(RepositoryFolder.Root(), "docs", "ENGINE.md"));
        foreach (ParityCase cell in ParityCorpus.Cases)
        {
            DotNetInteractiveCell theirs = await real.SubmitAsync(cell.Code, CellTimeout);
            CellExecution ours = await kit.ExecuteAsync(cell.Code);
            IReadOnlyList<string> expected = ParityView.Of(theirs.Outcome.ToString(), theirs.Outputs);
            IReadOnlyList<string> actual = ParityView.Of(ours.Status.ToString(), ours.Outputs);
            bool same = expected.SequenceEqual(actual);
            if (cell.Difference is null && !same)
            {
                report.AppendLine($"DIFFERS: {cell.Name}\n  real: {string.Join("\n        ", expected)}\n  kit:  {string.Join("\n        ", actual)}");
            }
            else if (cell.Difference is { } id && same)
            {
                report.AppendLine($"NOW THE SAME (remove difference '{id}' from the corpus and docs/ENGINE.md): {cell.Name}");
            }
            else if (cell.Difference is { } listed && !engineDoc.Contains($"`{listed}`", StringComparison.Ordinal))
            {
                report.AppendLine($"NOT DOCUMENTED: difference '{listed}' ({cell.Name}) is not listed in docs/ENGINE.md");
            }
        }

        Assert.True(report.Length == 0, report.ToString());
    }

    [RequiresToolFact(typeof(InteractiveKernel))]
    public async Task A_cell_sees_the_same_framework_assemblies_as_in_the_real_kernel()
    {
        using var folder = new TempFolder("course-parity-");
        await using var real = await DotNetInteractiveKernel.StartAsync(folder.Path);
        using var kit = new NotebookSession(new NotebookSessionOptions { BaseDirectory = folder.Path });
        string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

        DotNetInteractiveCell names = await real.SubmitAsync(
            """
            var kernel = (Microsoft.DotNet.Interactive.CSharp.CSharpKernel)Microsoft.DotNet.Interactive.KernelInvocationContext.Current.HandlingKernel;
            Console.Write(string.Join("|", kernel.ScriptState.Script.GetCompilation().ReferencedAssemblyNames.Select(a => a.Name)));
            """,
            CellTimeout);
        string[] theirs = names.Outputs.Single(o => o.StreamName == "stdout").Text!.Split('|');
        string[] ours = kit.GetCompilation("1").ReferencedAssemblyNames.Select(a => a.Name).ToArray();

        // Only the framework: the real kernel's own libraries (Roslyn, System.Reactive, ...) are an intended difference.
        static string[] Framework(IEnumerable<string> all, string folder) =>
            all.Where(name => File.Exists(Path.Combine(folder, name + ".dll"))).Distinct().Order(StringComparer.Ordinal).ToArray();
        string[] onlyTheirs = Framework(theirs, framework).Except(Framework(ours, framework)).ToArray();
        string[] onlyOurs = Framework(ours, framework).Except(Framework(theirs, framework)).ToArray();
        Assert.True(onlyTheirs.Length + onlyOurs.Length == 0, $"only in the real kernel: {string.Join(", ", onlyTheirs)}; only in the kit: {string.Join(", ", onlyOurs)}");
    }

    [RequiresToolFact(typeof(InteractiveKernel))]
    public async Task The_default_imports_are_the_real_kernels()
    {
        using var folder = new TempFolder("course-parity-");
        await using var real = await DotNetInteractiveKernel.StartAsync(folder.Path);

        // The real kernel's own script state: Roslyn's imports plus the using directives it submitted at start-up.
        DotNetInteractiveCell imports = await real.SubmitAsync(
            """
            var kernel = (Microsoft.DotNet.Interactive.CSharp.CSharpKernel)Microsoft.DotNet.Interactive.KernelInvocationContext.Current.HandlingKernel;
            var names = new List<string>(kernel.ScriptState.Script.Options.Imports);
            for (var script = kernel.ScriptState.Script; script is not null; script = script.Previous)
            {
                names.AddRange(script.Code.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("using ")).Select(l => l.TrimEnd(';')));
            }
            Console.Write(string.Join("|", names));
            """,
            CellTimeout);

        string[] theirs = imports.Outputs.Where(o => o.StreamName == "stdout").Single().Text!.Split('|');
        Assert.Equal(theirs.Where(n => !n.StartsWith("using ", StringComparison.Ordinal)).Order(), NotebookSessionOptions.DefaultImports.Order());
        // What the real kernel imports statically, the engine's globals stand in for: every global exists there too.
        Assert.Equal(["using static Microsoft.DotNet.Interactive.Kernel"], theirs.Where(n => n.StartsWith("using ", StringComparison.Ordinal)));
        string[] globals = typeof(NotebookGlobals).GetMethods().Where(m => m.DeclaringType == typeof(NotebookGlobals)).Select(m => m.Name).ToArray();
        DotNetInteractiveCell members = await real.SubmitAsync(
            "Console.Write(string.Join(\"|\", typeof(Microsoft.DotNet.Interactive.Kernel).GetMethods().Where(m => m.IsStatic).Select(m => m.Name)))", CellTimeout);
        Assert.All(globals, name => Assert.Contains(name, members.Outputs.Single(o => o.StreamName == "stdout").Text!.Split('|')));
    }
}
