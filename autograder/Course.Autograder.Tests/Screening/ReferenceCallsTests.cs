using Course.Autograder.Screening;
using Course.Notebooks.Format;
using Course.Notebooks.Model;
using Course.Specs.Core;
using static Course.Autograder.Tests.Screening.ScreeningNotebooks;

namespace Course.Autograder.Tests.Screening;

/// <summary>
/// <see cref="ReferenceCalls.Find"/> on handmade notebooks laid out like the course's: cell 1 text, cell 2 the
/// read-only setup, cell 3 the solution, cell 4 the check cell (unless a test says otherwise).
/// </summary>
public sealed class ReferenceCallsTests
{
    private const string LoaderCheck = """
        ModuleSpecs.Check("dataloader", new Implementation
        {
            DataLoader = (dataset, s) =>
            {
                var loader = new DataLoader(dataset, s.BatchSize, s.Shuffle, s.DropLast, s.Seed);
                return new LoaderUnderTest(() => loader.Count, loader);
            },
        })
        """;

    /// <summary>A student's own loader, written as the instructor's solution is (shortened).</summary>
    private const string OwnLoader = """
        public sealed class DataLoader(Dataset<Tensor[]> dataset, int batchSize, bool shuffle = false, bool dropLast = false, int seed = 0) : IEnumerable<Tensor[]>
        {
            private readonly Random _random = new(seed);

            public int Count => dropLast ? dataset.Count / batchSize : (dataset.Count + batchSize - 1) / batchSize;

            public IEnumerator<Tensor[]> GetEnumerator()
            {
                int[] order = Enumerable.Range(0, dataset.Count).ToArray();
                if (shuffle)
                {
                    _random.Shuffle(order);
                }

                for (int b = 0; b < Count; b++)
                {
                    var samples = order.Skip(b * batchSize).Take(batchSize).Select(i => dataset[i]).ToArray();
                    var batch = new Tensor[samples[0].Length];
                    for (int p = 0; p < batch.Length; p++)
                    {
                        batch[p] = Tensor.Stack(samples.Select(sample => sample[p]).ToArray());
                    }

                    yield return batch;
                }
            }

            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }
        """;

    [Fact]
    public void A_fully_qualified_reference_loader_in_the_dataloader_solution_is_found_at_its_cell_and_line()
    {
        var notebook = LoaderNotebook("""
            public sealed class DataLoader : IEnumerable<Tensor[]>
            {
                private readonly TinyTorch.Data.DataLoader _inner;

                public DataLoader(Dataset<Tensor[]> dataset, int batchSize, bool shuffle = false, bool dropLast = false, int seed = 0)
                {
                    _inner = new TinyTorch.Data.DataLoader(dataset, batchSize, shuffle, dropLast, seed);
                }

                public int Count => _inner.Count;

                public IEnumerator<Tensor[]> GetEnumerator()
                {
                    foreach (var batch in _inner)
                    {
                        yield return batch.ToArray();
                    }
                }

                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
            }
            """);

        var found = Find(notebook);

        Assert.Equal([(3, 3, "TinyTorch.Data.DataLoader"), (3, 7, "TinyTorch.Data.DataLoader"), (3, 10, "TinyTorch.Data.DataLoader")], Where(found));
        var first = found[0];
        Assert.Equal("dataloader-impl", first.GradeId);
        Assert.Equal(Exercise.DataLoader, first.Exercise);
        Assert.Equal("cell 3 line 3 uses TinyTorch.Data.DataLoader, the reference implementation, instead of your own DataLoader", first.Message);
        Assert.Equal(first.Message, first.ToString());
    }

    [Fact]
    public void An_unqualified_reference_name_imported_by_the_setup_cell_is_found()
    {
        var notebook = LoaderNotebook("""
            public sealed class MyLoader : IEnumerable<Batch>
            {
                private readonly DataLoader _inner;
                public MyLoader(Dataset<Tensor[]> data, int batchSize) => _inner = new DataLoader(data, batchSize);
                public IEnumerator<Batch> GetEnumerator() => _inner.GetEnumerator();
                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
            }
            """);

        Assert.Equal([(3, 3, "TinyTorch.Data.DataLoader"), (3, 4, "TinyTorch.Data.DataLoader"), (3, 5, "TinyTorch.Data.DataLoader")], Where(Find(notebook)));
    }

    [Fact]
    public void A_student_type_named_like_the_reference_is_the_students_own()
    {
        // `using TinyTorch.Data;` is in force, yet DataLoader here (and in the check cell) is the student's class;
        // nameof, comments and doc-comment crefs name the reference without using it.
        var notebook = LoaderNotebook(OwnLoader + """

            /// <summary>Like <see cref="TinyTorch.Data.DataLoader"/>, but mine.</summary>
            static string Describe(DataLoader loader) => $"{nameof(TinyTorch.Data.DataLoader)}-like, {loader.Count} batches";   // not TinyTorch.Data.DataLoader
            """);

        Assert.Empty(Find(notebook));
    }

    [Fact]
    public void The_reference_collation_inside_the_dataloader_solution_is_found()
    {
        var notebook = LoaderNotebook("""
            public sealed class DataLoader(Dataset<Tensor[]> dataset, int batchSize, bool shuffle = false, bool dropLast = false, int seed = 0) : IEnumerable<Tensor[]>
            {
                public int Count => (dataset.Count + batchSize - 1) / batchSize;

                public IEnumerator<Tensor[]> GetEnumerator()
                {
                    for (int start = 0; start < dataset.Count; start += batchSize)
                    {
                        var samples = Enumerable.Range(start, Math.Min(batchSize, dataset.Count - start)).Select(i => dataset[i]).ToList();
                        yield return Collate.Stack(samples).ToArray();
                    }
                }

                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
            }
            """);

        var found = Assert.Single(Find(notebook));

        Assert.Equal((3, 10, "TinyTorch.Data.Collate"), (found.CellNumber, found.Line, found.Symbol));
        Assert.Equal(Exercise.DataLoader, found.Exercise);
        Assert.Equal("cell 3 line 10 uses TinyTorch.Data.Collate, part of the reference DataLoader (its collation), instead of your own DataLoader", found.Message);
    }

    [Fact]
    public void A_using_alias_of_the_reference_is_found_where_it_is_declared_and_where_it_is_used()
    {
        const string Wrapper = """
            public sealed class DataLoader(Dataset<Tensor[]> dataset, int batchSize, bool shuffle = false, bool dropLast = false, int seed = 0) : IEnumerable<Tensor[]>
            {
                private readonly L _inner = new(dataset, batchSize, shuffle, dropLast, seed);

                public IEnumerator<Tensor[]> GetEnumerator()
                {
                    foreach (var batch in _inner)
                    {
                        yield return batch.ToArray();
                    }
                }

                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
            }
            """;
        var aliasInSolution = LoaderNotebook("using L = TinyTorch.Data.DataLoader;\n\n" + Wrapper);
        var aliasInSetup = LoaderNotebook(Wrapper, "using TinyTorch.Data;\nusing L = TinyTorch.Data.DataLoader;\n");

        Assert.Equal([(3, 1, "TinyTorch.Data.DataLoader"), (3, 5, "TinyTorch.Data.DataLoader")], Where(Find(aliasInSolution)));
        Assert.Equal([(3, 3, "TinyTorch.Data.DataLoader")], Where(Find(aliasInSetup)));
    }

    [Fact]
    public void Subclassing_the_reference_RandomCrop_is_found_although_the_cell_does_not_compile()
    {
        // TinyTorch's RandomCrop is sealed: the cell fails to compile (CS0509), and its base type still binds.
        var notebook = Of(
            Text("# Transforms"),
            Setup("using TinyTorch.Data;\nusing TinyTorch.Transforms;\n"),
            Solution("crop-impl", """
                public sealed class RandomCrop : TinyTorch.Transforms.RandomCrop
                {
                    public RandomCrop(int size, int padding = 4, int seed = 0) : base(size, padding, seed) { }
                }
                """),
            Check("crop", "ModuleSpecs.Check(\"crop\", new Implementation { Crop = (size, padding, seed) => new RandomCrop(size, padding, seed) })"));

        var found = Assert.Single(Find(notebook));

        Assert.Equal((3, 1, "TinyTorch.Transforms.RandomCrop", "crop-impl", Exercise.Crop), (found.CellNumber, found.Line, found.Symbol, found.GradeId, found.Exercise));
        Assert.EndsWith("the reference implementation, instead of your own RandomCrop", found.Message);
    }

    [Fact]
    public void The_reference_used_outside_solution_cells_is_not_a_finding()
    {
        var notebook = Of(
            Text("# DataLoader"),
            Setup("using TinyTorch.Data;\nusing ReferenceLoader = TinyTorch.Data.DataLoader;\nvar setupLoader = new ReferenceLoader(new TensorDataset(Tensor.Zeros(4, 1)), 2);\n"),
            Demo("var demo = new TinyTorch.Data.DataLoader(new TensorDataset(Tensor.Zeros(4, 1)), 2);\nConsole.WriteLine(Collate.Stack([[Tensor.Zeros(1)]]).Count);"),
            Solution("dataloader-impl", OwnLoader),
            Check("dataloader", "_ = new TinyTorch.Data.DataLoader(new TensorDataset(Tensor.Zeros(4, 1)), 2);\n" + LoaderCheck));

        Assert.Empty(Find(notebook));
    }

    [Fact]
    public void Cells_that_do_not_compile_do_not_stop_the_analysis()
    {
        // Cell 3 does not compile, so (as in the engine) its DataLoader class never exists: cell 4 continues from
        // cell 2, whose using makes DataLoader the library's. Cell 4 does not compile either (line 3), and is still read.
        var notebook = Of(
            Text("# DataLoader"),
            Setup("using TinyTorch.Data;\n"),
            Demo("public sealed class DataLoader(Dataset<Tensor[]> data, int batchSize) : IEnumerable<Batch> { }\nint broken = ;"),
            Solution("dataloader-impl", """
                public sealed class MyLoader(Dataset<Tensor[]> data, int batchSize) : IEnumerable<Batch>
                {
                    private readonly int _lastBatch = ;
                    private readonly DataLoader _inner = new(data, batchSize);
                    public IEnumerator<Batch> GetEnumerator() => _inner.GetEnumerator();
                    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
                }
                """),
            Check("dataloader", LoaderCheck));

        Assert.Equal([(4, 4, "TinyTorch.Data.DataLoader"), (4, 5, "TinyTorch.Data.DataLoader")], Where(Find(notebook)));
    }

    [Fact]
    public void Tensor_Stack_is_forbidden_in_the_collation_notebook_only()
    {
        var notebook = Of(
            Text("# Collation"),
            Setup("using Batch = TinyTorch.Data.Batch;\n"),
            Solution("collate-impl", """
                static Tensor[] Collate(IReadOnlyList<Tensor[]> samples) =>
                    Enumerable.Range(0, samples[0].Length).Select(p => Tensor.Stack(samples.Select(s => s[p]).ToArray())).ToArray();
                """),
            Check("collate", "ModuleSpecs.Check(\"collate\", new Implementation { Collate = Collate })"));

        var found = Assert.Single(Find(notebook));

        Assert.Equal((3, 2, "TinyTorch.Tensor.Stack", Exercise.Collate), (found.CellNumber, found.Line, found.Symbol, found.Exercise));
        Assert.Equal("cell 3 line 2 uses TinyTorch.Tensor.Stack, the library's stacking, which the exercise asks you not to call, instead of your own Collate", found.Message);
        Assert.Empty(Find(LoaderNotebook(OwnLoader)));   // OwnLoader stacks with Tensor.Stack, as notebook 03's given code does
    }

    [Fact]
    public void Another_notebooks_reference_types_are_tools_but_this_notebooks_are_not()
    {
        const string Probe = "\nvar probe = new TinyTorch.Data.TensorDataset(Tensor.Zeros(4, 1)).Count;";
        var wrapper = Of(
            Text("# TensorDataset"),
            Setup("using TinyTorch.Data;\n"),
            Solution("tensordataset-impl", """
                public sealed class TensorDataset(params Tensor[] tensors) : Dataset<Tensor[]>
                {
                    private readonly TinyTorch.Data.TensorDataset _inner = new(tensors);
                    public override int Count => _inner.Count;
                    public override Tensor[] this[int index] => _inner[index];
                }
                """),
            Check("tensordataset", "ModuleSpecs.Check(\"tensordataset\", new Implementation { TensorDataset = tensors => new TensorDataset(tensors) })"));

        Assert.Equal([(3, 3, "TinyTorch.Data.TensorDataset"), (3, 4, "TinyTorch.Data.TensorDataset"), (3, 5, "TinyTorch.Data.TensorDataset")], Where(Find(wrapper)));
        Assert.Empty(Find(LoaderNotebook(OwnLoader + Probe)));
    }

    [Fact]
    public void A_wrapper_in_another_solution_cell_of_the_notebook_is_found_for_the_exercise_it_wraps()
    {
        var notebook = Of(
            Text("# Transforms"),
            Setup("using TinyTorch.Data;\nusing TinyTorch.Transforms;\n"),
            Solution("flip-impl", """
                public sealed class CropHelper(int size, int padding, int seed) : ITransform
                {
                    private readonly ITransform _crop = new TinyTorch.Transforms.RandomCrop(size, padding, seed);
                    public Tensor Apply(Tensor input) => _crop.Apply(input);
                }
                """),
            Check("flip", "// flip checks"),
            Solution("crop-impl", "// the crop cell, emptied"),
            Check("crop", "ModuleSpecs.Check(\"crop\", new Implementation { Crop = (size, padding, seed) => new CropHelper(size, padding, seed) })"));

        var found = Assert.Single(Find(notebook));

        Assert.Equal((3, 3, "flip-impl", Exercise.Crop), (found.CellNumber, found.Line, found.GradeId, found.Exercise));
    }

    [Theory]
    [InlineData("lazy-dataset", "static int Records(string path) => new TinyTorch.Data.Cifar.CifarFileDataset(path).Count;", "TinyTorch.Data.Cifar.CifarFileDataset", Exercise.LazyCifar)]
    [InlineData("dataloader", "static int[] Order(int n) => new TinyTorch.Data.Sampling.RandomSampler(n, 0).EpochIndices(0);", "TinyTorch.Data.Sampling.RandomSampler", Exercise.DataLoader)]
    [InlineData("collate", "static Tensor[] Collate(IReadOnlyList<Tensor[]> samples) => TinyTorch.Data.Collate.Stack(samples).ToArray();", "TinyTorch.Data.Collate", Exercise.Collate)]
    [InlineData("flip", "static ITransform Flip(double p, int seed) => new TinyTorch.Transforms.RandomHorizontalFlip(p, seed);", "TinyTorch.Transforms.RandomHorizontalFlip", Exercise.Flip)]
    [InlineData("compose", "static ITransform Pipeline(params ITransform[] stages) => new TinyTorch.Transforms.Compose(stages);", "TinyTorch.Transforms.Compose", Exercise.Compose)]
    [InlineData("prefetcher", "static IEnumerable<int> Ahead(IEnumerable<int> source) => new TinyTorch.Data.Prefetcher<int>(source, 2);", "TinyTorch.Data.Prefetcher<T>", Exercise.Prefetcher)]
    public void Each_exercises_reference_is_found_in_its_notebooks_solution(string check, string code, string symbol, Exercise exercise)
    {
        var notebook = Of(Text("# Exercise"), Setup("using TinyTorch.Transforms;\n"), Solution(check + "-impl", "\n" + code), Check(check, "// checks"));

        var found = Assert.Single(Find(notebook));

        Assert.Equal((3, 2, symbol, check + "-impl", exercise), (found.CellNumber, found.Line, found.Symbol, found.GradeId, found.Exercise));
    }

    [Fact]
    public void A_solution_cell_with_an_unknown_grade_id_is_still_screened()
    {
        const string Wrapper = "static int Batches(Dataset<Tensor[]> data) => new TinyTorch.Data.DataLoader(data, 2).Count;";
        var renamed = Of(Text("# DataLoader"), Setup("using TinyTorch.Data;\n"), Solution("renamed", Wrapper), Check("dataloader", LoaderCheck));
        var unknownNotebook = Of(Text("# ?"), Setup("using TinyTorch.Data;\n"), Solution("renamed", Wrapper));

        Assert.Equal([(3, 1, "TinyTorch.Data.DataLoader")], Where(Find(renamed)));
        Assert.Equal("renamed", Find(renamed)[0].GradeId);
        Assert.Equal([(3, 1, "TinyTorch.Data.DataLoader")], Where(Find(unknownNotebook)));
    }

    [Fact]
    public void The_reference_prefetcher_is_named_by_its_generic_definition_and_magic_lines_keep_the_line_numbers()
    {
        // Line 1 is a magic command the engine blanks; the scratch test on line 8 uses the library's DataLoader and
        // TensorDataset, which notebook 06 allows, and the student's own Prefetcher<T>.
        var notebook = Of(
            Text("# Bottlenecks"),
            Setup("using TinyTorch.Data;\n"),
            Solution("prefetcher-impl", """
                #!csharp
                public sealed class Prefetcher<T>(IEnumerable<T> source, int capacity) : IEnumerable<T>
                {
                    public IEnumerator<T> GetEnumerator() => new TinyTorch.Data.Prefetcher<T>(source, capacity).GetEnumerator();
                    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
                }

                var probe = new Prefetcher<Batch>(new DataLoader(new TensorDataset(Tensor.Zeros(4, 1)), 2), 1).Count();
                """),
            Check("prefetcher", "ModuleSpecs.Check(\"prefetcher\", new Implementation { Prefetcher = (source, capacity) => new Prefetcher<int>(source, capacity) })"));

        var found = Assert.Single(Find(notebook));

        Assert.Equal((3, 4, "TinyTorch.Data.Prefetcher<T>", Exercise.Prefetcher), (found.CellNumber, found.Line, found.Symbol, found.Exercise));
        Assert.EndsWith("instead of your own Prefetcher<T>", found.Message);
    }

    [Fact]
    public void A_target_typed_new_of_the_reference_is_found()
    {
        var notebook = LoaderNotebook(OwnLoader + """

            static object Sweep(Dataset<Tensor[]> data) =>
                TinyTorch.Analysis.Instruments.BatchSizeSweep.Run(b => new(data, b), [1, 2]);
            """);

        int line = OwnLoader.Split('\n').Length + 2;
        Assert.Equal([(3, line, "TinyTorch.Data.DataLoader")], Where(Find(notebook)));
    }

    [Fact]
    public void The_specs_reference_implementation_is_found_for_the_exercise_it_is_taken_for()
    {
        var notebook = LoaderNotebook("var factory = Implementation.Reference.DataLoader;\n" + OwnLoader);

        var found = Assert.Single(Find(notebook));

        Assert.Equal((3, 1, "Course.Specs.Core.Implementation.Reference", Exercise.DataLoader), (found.CellNumber, found.Line, found.Symbol, found.Exercise));
        Assert.Equal("cell 3 line 1 uses Course.Specs.Core.Implementation.Reference, the reference implementation of every exercise, instead of your own DataLoader", found.Message);
    }

    [Fact]
    public void Solution_cells_in_another_language_or_in_Markdown_are_not_read()
    {
        const string Code = "var loader = new TinyTorch.Data.DataLoader(new TinyTorch.Data.TensorDataset(Tensor.Zeros(4, 1)), 2);";
        var fsharp = Cell.CreateCode(Code, kernelName: "fsharp");
        fsharp.Metadata["nbgrader"] = Solution("dataloader-impl", "").Metadata["nbgrader"]!.DeepClone();
        var markdown = Cell.CreateMarkdown("I would call `" + Code + "`");
        markdown.Metadata["nbgrader"] = Solution("answer", "").Metadata["nbgrader"]!.DeepClone();

        Assert.Empty(Find(Of(Text("# DataLoader"), Setup("using TinyTorch.Data;\n"), fsharp, markdown, Check("dataloader", LoaderCheck))));
    }

    [Fact]
    public void A_course_notebook_with_a_reference_call_added_to_its_solution_is_found()
    {
        var notebook = NotebookFile.Load(Path.Combine(Root, "notebooks", "source", "03-dataloader.ipynb"));
        int index = notebook.Cells.ToList().FindIndex(cell => cell.Metadata["nbgrader"]?["grade_id"]?.GetValue<string>() == "dataloader-impl");
        var solution = notebook.Cells[index];
        int lines = solution.Source.Split('\n').Length;
        solution.Source += "\nstatic int ReferenceCount(Dataset<Tensor[]> data) => new TinyTorch.Data.DataLoader(data, 2).Count;";

        Assert.Equal([(index + 1, lines + 1, "TinyTorch.Data.DataLoader")], Where(Find(notebook)));
    }

    [Fact]
    public void A_null_notebook_is_rejected()
    {
        var e = Assert.Throws<ArgumentNullException>(() => ReferenceCalls.Find(null!, Library));
        Assert.Equal("notebook", e.ParamName);
    }

    [Fact]
    public void A_missing_or_blank_library_folder_is_rejected_naming_it()
    {
        var notebook = LoaderNotebook(OwnLoader);
        string missing = Path.Combine(Path.GetTempPath(), $"no-such-lib-{Guid.NewGuid():N}");

        var notFound = Assert.Throws<DirectoryNotFoundException>(() => ReferenceCalls.Find(notebook, missing));
        Assert.Equal($"The reference library folder '{missing}' does not exist: build src/TinyTorch, src/TinyTorch.Analysis and autograder/Course.Specs, which fill notebooks/lib.", notFound.Message);
        Assert.Equal("libraryDirectory", Assert.Throws<ArgumentNullException>(() => ReferenceCalls.Find(notebook, null!)).ParamName);
        Assert.Equal("libraryDirectory", Assert.Throws<ArgumentException>(() => ReferenceCalls.Find(notebook, " ")).ParamName);
    }

    [Fact]
    public void A_library_folder_without_TinyTorch_is_rejected_rather_than_finding_nothing()
    {
        var empty = Directory.CreateTempSubdirectory("screening-lib-");
        try
        {
            var e = Assert.Throws<FileNotFoundException>(() => ReferenceCalls.Find(LoaderNotebook(OwnLoader), empty.FullName));

            Assert.Equal(Path.Combine(empty.FullName, "TinyTorch.dll"), e.FileName);
            Assert.Equal($"The reference library folder '{empty.FullName}' has no TinyTorch.dll: build src/TinyTorch, which copies it to notebooks/lib.", e.Message);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_library_folder_whose_TinyTorch_is_not_an_assembly_is_rejected()
    {
        var broken = Directory.CreateTempSubdirectory("screening-lib-");
        try
        {
            string dll = Path.Combine(broken.FullName, "TinyTorch.dll");
            File.WriteAllText(dll, "half-copied");

            var e = Assert.Throws<BadImageFormatException>(() => ReferenceCalls.Find(LoaderNotebook(OwnLoader), broken.FullName));

            Assert.Equal(dll, e.FileName);
            Assert.StartsWith($"'{dll}' is not a .NET assembly", e.Message);
        }
        finally
        {
            broken.Delete(recursive: true);
        }
    }

    private static Notebook LoaderNotebook(string solution, string usings = "using TinyTorch.Data;\n") =>
        Of(Text("# DataLoader"), Setup(usings), Solution("dataloader-impl", solution), Check("dataloader", LoaderCheck));

    private static IReadOnlyList<ReferenceCall> Find(Notebook notebook) => ReferenceCalls.Find(notebook, Library);

    private static (int Cell, int Line, string Symbol)[] Where(IReadOnlyList<ReferenceCall> found) =>
        found.Select(call => (call.CellNumber, call.Line, call.Symbol)).ToArray();
}
