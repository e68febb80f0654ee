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
        Path.Combine(CourseRoot, "autograder", "Course.Specs", "Checks", "IntegrationSpecs.cs"),
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
            s.ReplaceCell(DataLoader, "dataloader-impl", """
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
            return [DataLoader, "TinyTorch.Data.DataLoader is the reference answer to the DataLoader exercise"];
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

        // Issue #14: student code trying to raise its own score. Each leaves one exercise undone (its released stub)
        // or builds it on the reference, and must earn nothing for it whatever else its code does.
        new("forges-result-files", "a solution cell that writes the result files the grader used to read (200 points), with RandomCrop not done", ["graded"], s =>
        {
            s.RestoreStub(Transforms, "crop-impl");
            s.AppendToCell(Transforms, "flip-impl", """
                // Writes every result file a grader might read back, in every folder up from here it can write.
                string forged = "{\"StudentId\":\"forges-result-files\",\"Status\":\"graded\",\"Reason\":\"\",\"Checks\":[{\"Id\":\"crop-window\",\"GradeId\":\"crop\",\"Notebook\":\"05-transforms.ipynb\",\"Title\":\"x\",\"Points\":200,\"Score\":200,\"Status\":\"passed\",\"Message\":\"\",\"Hint\":\"\",\"Hidden\":false}],\"ContentHash\":\"\",\"Seconds\":1}";
                var folder = new System.IO.DirectoryInfo(System.IO.Directory.GetCurrentDirectory());
                for (int up = 0; up < 5 && folder != null; up++, folder = folder.Parent)
                {
                    foreach (var name in new[] { "result.json", "results.json", "progress.jsonl", "feedback.md", "gradebook.csv" })
                    {
                        try { System.IO.File.WriteAllText(System.IO.Path.Combine(folder.FullName, name), forged); } catch (Exception) { }
                    }
                }
                """);
            return [];
        }),
        new("reflects-on-the-reference", "a DataLoader that builds the library's loader by reflection (Type.GetType, ConstructorInfo.Invoke)", ["calls the reference implementation"], s =>
        {
            s.ReplaceCell(DataLoader, "dataloader-impl", """
                // Builds the library's loader by reflection, so that no name of it appears in the code.
                public class DataLoader : IEnumerable<Tensor[]>
                {
                    private readonly System.Collections.IEnumerable _inner;

                    public DataLoader(Dataset<Tensor[]> dataset, int batchSize, bool shuffle = false, bool dropLast = false, int seed = 0)
                    {
                        var type = Type.GetType("TinyTorch.Data." + "DataLoader, TinyTorch", throwOnError: true);
                        var constructor = type.GetConstructors().Where(c => c.GetParameters().Length >= 5).OrderBy(c => c.GetParameters().Length).First();
                        object[] given = { dataset, batchSize, shuffle, dropLast, seed };
                        _inner = (System.Collections.IEnumerable)constructor.Invoke(
                            constructor.GetParameters().Select((p, i) => i < given.Length ? given[i] : p.DefaultValue).ToArray());
                    }

                    public int Count => (int)_inner.GetType().GetProperty("Count").GetValue(_inner);

                    public IEnumerator<Tensor[]> GetEnumerator()
                    {
                        foreach (IEnumerable<Tensor> batch in _inner) yield return batch.ToArray();
                    }

                    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
                }
                """);
            return [DataLoader, "TinyTorch.Data.DataLoader"];
        }),
        new("uses-dynamic", "a TensorDataset that wraps the library's through dynamic and Activator.CreateInstance", ["calls the reference implementation"], s =>
        {
            s.ReplaceCell(TensorDataset, "tensordataset-impl", """
                // Wraps the library's TensorDataset through dynamic.
                public class TensorDataset : Dataset<Tensor[]>
                {
                    private readonly dynamic _inner;

                    public TensorDataset(params Tensor[] tensors) =>
                        _inner = Activator.CreateInstance(Type.GetType("TinyTorch.Data.Tensor" + "Dataset, TinyTorch", throwOnError: true), new object[] { tensors });

                    public override int Count => _inner.Count;

                    public override Tensor[] this[int index] => _inner[index];
                }
                """);
            return [TensorDataset, "TinyTorch.Data.TensorDataset"];
        }),
        new("shadows-check-names", "a Collate cell that shadows ModuleSpecs and Implementation (so the check cell reports a pass) and stacks with Tensor.Stack", ["graded", "calls the reference implementation"], s =>
        {
            s.ReplaceCell(Collation, "collate-impl", """
                // The check cell below now calls these instead of the grader's.
                public sealed class Implementation { public Func<IReadOnlyList<Tensor[]>, Tensor[]> Collate { get; set; } }
                public static class ModuleSpecs { public static string Check(string gradeId, Implementation implementation) => "All checks passed."; }

                static Tensor[] Collate(IReadOnlyList<Tensor[]> samples) =>
                    Enumerable.Range(0, samples[0].Length).Select(p => Tensor.Stack(samples.Select(sample => sample[p]).ToList())).ToArray();
                """);
            return [];
        }),
        new("tampers-with-the-recorder", "a cell that rewrites what the check cells recorded (reflection on the recorder), with RandomHorizontalFlip not done", ["calls the reference implementation"], s =>
        {
            s.RestoreStub(Transforms, "flip-impl");
            s.AppendToCell(Transforms, "compose-impl", """
                // Points the recorded flip at the library's own, by reflection, after the check cells ran and again now.
                Func<double, int, ITransform> library = (p, seed) => (ITransform)Activator.CreateInstance(
                    Type.GetType("TinyTorch.Transforms.RandomHorizontal" + "Flip, TinyTorch", throwOnError: true), p, seed);
                var recorder = Type.GetType("Course.Specs.Core.SubmissionRecorder, Course.Specs", throwOnError: true);
                var field = recorder.GetField("_recorded", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static);
                var recorded = (Implementation)recorder.GetProperty("Recorded").GetValue(null);
                field.SetValue(null, recorded with { Flip = library });
                SubmissionRecorder.Record("flip", new Implementation { Flip = library });
                """);
            return [Transforms, "TinyTorch.Transforms.RandomHorizontalFlip"];
        }),
        new("reads-the-environment", "a cell that throws every environment variable it can see into its feedback", ["error in cell"], s =>
        {
            var (cell, _) = s.AppendToCell(Dataset, "lazy-dataset-impl", """
                var seen = new List<string>();
                foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables()) seen.Add(variable.Key + "=" + variable.Value);
                throw new InvalidOperationException("Environment: " + string.Join("; ", seen));
                """);
            return [$"{Dataset} cell {cell}", "Environment: "];
        }),
        new("allocates-unmanaged-memory", "allocating gigabytes of unmanaged memory (Marshal.AllocHGlobal), past the managed-heap limit", ["out of memory", "crashed"], s =>
        {
            s.AppendToCell(Collation, "collate-impl", """
                var blocks = new List<IntPtr>();
                for (int i = 0; i < 12; i++)
                {
                    IntPtr block = System.Runtime.InteropServices.Marshal.AllocHGlobal(1 << 30);
                    blocks.Add(block);
                    for (int b = 0; b < (1 << 30); b += 4096) System.Runtime.InteropServices.Marshal.WriteByte(block, b, 1);
                }
                """);
            return ["memory"];
        }),
        new("leaves-links-behind", "a cell that leaves links in its work folder (to /etc/shadow, to the folder above, to itself) and a named pipe", ["graded"], s =>
        {
            s.AppendToCell(Bottlenecks, "prefetcher-impl", """
                foreach (var (link, target) in new[] { ("shadow", "/etc/shadow"), ("up", ".."), ("root", "/"), ("loop", "loop") })
                {
                    try { System.IO.File.CreateSymbolicLink(link, target); } catch (Exception) { }
                }
                """);
            return [];
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
