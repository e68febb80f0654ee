namespace Course.Cli.Tests.Adversarial;

/// <summary>What the attacks of the corpus aim at: other students' work, the grader's secrets, the network.</summary>
/// <param name="Root">The batch's temporary folder (submissions and output are inside it).</param>
/// <param name="CourseRoot">The course repository, whose instructor sources and specs are hidden from submissions.</param>
/// <param name="CorrectFolder">The correct submission graded in the same batch.</param>
/// <param name="CorrectSecret">A marker written into the correct submission (a Markdown cell of 01-dataset.ipynb).</param>
/// <param name="OutsideFile">A file in the batch's folder, outside the grading output, that a submission must not be able to create.</param>
/// <param name="ListenerPort">The port of a TCP listener on 127.0.0.1 that a submission must not reach.</param>
public sealed record CorpusBatch(string Root, string CourseRoot, string CorrectFolder, string CorrectSecret, string OutsideFile, int ListenerPort)
{
    /// <summary>Files of the grader's that no submission may read: hidden specs and the instructor's solutions.</summary>
    public IReadOnlyList<string> HiddenFiles =>
    [
        Path.Combine(CourseRoot, "autograder", "Course.Specs", "Specs", "IntegrationSpecs.cs"),
        Path.Combine(CourseRoot, "notebooks", "source", "03-dataloader.ipynb"),
    ];
}

/// <summary>One submission the grader must survive.</summary>
/// <param name="Name">The case, also the submission's folder name and so its student id.</param>
/// <param name="Attack">What the submission does, as issue #8 lists it.</param>
/// <param name="Statuses">The status the result must have (two when either limit may strike first).</param>
/// <param name="Break">Breaks a copy of the correct submission; returns text the result's reason must contain.</param>
/// <param name="NeedsSandbox">Only the sandbox (bubblewrap) stops this attack.</param>
public sealed record CorpusCase(string Name, string Attack, string[] Statuses, Func<CorpusSubmission, string[]> Break, bool NeedsSandbox = false)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>
/// Issue #8's adversarial corpus: each case is the correct sample <c>complete-different</c> (109/109)
/// with one notebook broken in one way. Attack code goes into solution cells (appended to an existing
/// one): grading runs only the cells nbgrader knows.
/// </summary>
public static class AdversarialCorpus
{
    /// <summary>The notebooks of module 05.</summary>
    public const string Dataset = "01-dataset.ipynb", TensorDataset = "02-tensordataset.ipynb", DataLoader = "03-dataloader.ipynb",
        Collation = "04-collation.ipynb", Transforms = "05-transforms.ipynb", Bottlenecks = "06-bottlenecks.ipynb";

    /// <summary>The cases, in the order of the issue.</summary>
    public static IReadOnlyList<CorpusCase> All { get; } =
    [
        new("compile-error", "a compile error in one cell", ["compile error"], s =>
        {
            var (cell, line) = s.AppendToCell(Collation, "collate-impl", "int broken = ;");
            return [$"{Collation} cell {cell}, line {line}", "error CS"];
        }),
        new("throws-at-top-level", "an exception at a cell's top level", ["error in cell"], s =>
        {
            var (cell, _) = s.AppendToCell(TensorDataset, "tensordataset-impl", """throw new InvalidOperationException("boom");""");
            return [$"{TensorDataset} cell {cell}", "InvalidOperationException", "boom"];
        }),
        new("loops-in-graded-method", "an infinite loop inside a graded method (Collate)", ["timed out"], s =>
        {
            const string Header = "static Tensor[] Collate(IReadOnlyList<Tensor[]> samples)\n{\n";
            s.ReplaceInCell(Collation, "collate-impl", Header, Header + "    while (true) { }\n");
            return ["in check", "collate-"];
        }),
        new("loops-at-top-level", "an infinite loop at a cell's top level", ["timed out"], s =>
        {
            var (cell, _) = s.AppendToCell(Bottlenecks, "prefetcher-impl", "while (true) { }");
            return [$"{Bottlenecks} cell {cell}", "ran longer than"];
        }),
        new("unbounded-recursion", "unbounded recursion (a stack overflow ends the process)", ["crashed"], s =>
        {
            s.AppendToCell(Transforms, "crop-impl", "int F(int n) => F(n + 1) + 1;\nF(0);");
            return ["Stack overflow"];
        }),
        new("allocates-gigabytes", "allocating tens of gigabytes", ["out of memory"], s =>
        {
            s.AppendToCell(Dataset, "lazy-dataset-impl", "var hog = new List<byte[]>();\nfor (int i = 0; i < 40; i++) hog.Add(new byte[1_000_000_000]);");
            return ["memory"];
        }),
        new("exits-halfway", "Environment.Exit(0) halfway (in the third of six notebooks)", ["exited early"], s =>
        {
            s.AppendToCell(DataLoader, "dataloader-impl", "Environment.Exit(0);");
            return ["Environment.Exit"];
        }),
        new("floods-output", "printing hundreds of millions of lines", ["output capped", "timed out"], s =>
        {
            var (cell, _) = s.AppendToCell(Transforms, "compose-impl", "for (long i = 0; i < 300_000_000; i++) Console.WriteLine(i);");
            return [$"{Transforms} cell {cell}"];
        }),
        new("writes-outside-its-folder", "writing files outside its work folder (the batch's folder and its own submission folder)", ["blocked by the sandbox"], s =>
        {
            var (cell, _) = s.AppendToCell(TensorDataset, "tensordataset-impl", $$"""
                Exception refused = null;
                foreach (var target in new[] { {{CorpusSubmission.Literal(s.Batch.OutsideFile)}}, {{CorpusSubmission.Literal(Path.Combine(s.Folder, "written-by-the-submission.txt"))}} })
                {
                    try { System.IO.File.WriteAllText(target, "written by a submission"); }
                    catch (Exception e) { refused ??= e; }
                }
                if (refused != null) throw refused;
                """);
            return [$"{TensorDataset} cell {cell}"];
        }, NeedsSandbox: true),
        new("reads-another-submission", "reading another student's submission", ["blocked by the sandbox"], s =>
        {
            var (cell, _) = s.AppendToCell(Dataset, "lazy-dataset-impl", Steal(Path.Combine(s.Batch.CorrectFolder, Dataset)));
            return [$"{Dataset} cell {cell}"];
        }, NeedsSandbox: true),
        new("reads-hidden-specs", "reading the grader's hidden specs and the instructor's solutions", ["blocked by the sandbox"], s =>
        {
            var (cell, _) = s.AppendToCell(DataLoader, "dataloader-impl", Steal([.. s.Batch.HiddenFiles]));
            return [$"{DataLoader} cell {cell}"];
        }, NeedsSandbox: true),
        new("opens-network-connection", "opening a network connection", ["blocked by the sandbox"], s =>
        {
            var (cell, _) = s.AppendToCell(Bottlenecks, "prefetcher-impl",
                $"""new System.Net.Sockets.TcpClient().Connect("127.0.0.1", {s.Batch.ListenerPort});""");
            return [$"{Bottlenecks} cell {cell}", "network"];
        }, NeedsSandbox: true),
        new("leaves-threads-running", "a foreground thread left spinning after its cell", ["graded"], s =>
        {
            s.AppendToCell(Transforms, "flip-impl", "new System.Threading.Thread(() => { while (true) { } }).Start();");
            return [];
        }),
        new("edits-locked-cell", "an edited locked check cell", ["locked cell restored"], s =>
        {
            s.ReplaceCell(Collation, "collate", """Console.WriteLine("All collate checks passed.");""");
            return [Collation, "restored"];
        }),
        new("deletes-locked-cell", "a deleted locked check cell", ["locked cell restored"], s =>
        {
            s.DeleteCell(Transforms, "flip");
            return [Transforms, "restored"];
        }),
        new("calls-reference-library", "a solution that wraps TinyTorch.Data.DataLoader instead of implementing it", ["calls the reference implementation"], s =>
        {
            int cell = s.ReplaceCell(DataLoader, "dataloader-impl", """
                // Wraps the library's loader.
                public class DataLoader : IEnumerable<Tensor[]>
                {
                    private readonly TinyTorch.Data.DataLoader _inner;

                    public DataLoader(Dataset<Tensor[]> dataset, int batchSize, bool shuffle = false, bool dropLast = false, int seed = 0) =>
                        _inner = new TinyTorch.Data.DataLoader(dataset, batchSize, shuffle, dropLast, seed);

                    public int Count => _inner.Count;

                    public IEnumerator<Tensor[]> GetEnumerator()
                    {
                        foreach (var batch in _inner) yield return batch.ToArray();
                    }

                    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
                }
                """);
            return [$"{DataLoader} cell {cell}", "TinyTorch.Data.DataLoader"];
        }),
        new("not-json", "a notebook file that is not JSON", ["unreadable notebook"], s =>
        {
            s.Overwrite(TensorDataset, "this is not json");
            return [TensorDataset];
        }),
        new("empty-notebook", "an empty notebook (valid nbformat, no cells)", ["empty notebook"], s =>
        {
            s.RemoveAllCells(Transforms);
            return [Transforms];
        }),
        new("notebook-from-another-module", "a notebook from another module (01's content under 04's name)", ["notebook from another module"], s =>
        {
            s.CopyNotebook(Dataset, Collation);
            return [Collation];
        }),
        new("missing-notebooks", "a submission folder with two notebooks missing", ["missing notebooks"], s =>
        {
            s.Delete(Collation);
            s.Delete(Bottlenecks);
            return [Collation, Bottlenecks];
        }),
    ];

    /// <summary>The case named <paramref name="name"/>.</summary>
    /// <param name="name">The case's name.</param>
    /// <returns>The case.</returns>
    public static CorpusCase Named(string name) => All.Single(c => c.Name == name);

    // Reads each file it can; anything read is printed and thrown, so a leak would reach the cell's
    // output, the log and the reason. When nothing can be read, the first refusal is thrown.
    private static string Steal(params string[] paths) => $$"""
        var stolen = new List<string>();
        Exception refused = null;
        foreach (var path in new[] { {{string.Join(", ", paths.Select(CorpusSubmission.Literal))}} })
        {
            try { stolen.Add(System.IO.File.ReadAllText(path)); }
            catch (Exception e) { refused ??= e; }
        }
        if (stolen.Count > 0)
        {
            Console.WriteLine(string.Join("\n", stolen));
            throw new Exception("Read: " + string.Join("\n", stolen));
        }
        throw refused;
        """;
}
