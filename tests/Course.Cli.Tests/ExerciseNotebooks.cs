using System.Text.Json.Nodes;
using Course.Notebooks.Format;
using Course.Notebooks.Model;

namespace Course.Cli.Tests;

/// <summary>
/// Writes tiny instructor sources with one real exercise (a TensorDataset) and its graded check, referencing the
/// locally built TinyTorch and Course.Specs by absolute path, for the release and validate tests.
/// </summary>
public static class ExerciseNotebooks
{
    private static readonly string TinyTorchPath = typeof(TinyTorch.Tensor).Assembly.Location;
    private static readonly string SpecsPath = typeof(Course.Specs.ModuleSpecs).Assembly.Location;

    /// <summary>A correct TensorDataset, with the whole constructor and indexer bodies as solution regions.</summary>
    public const string CorrectSolution = """
        public sealed class MyTensorDataset : Dataset<Tensor[]>
        {
            private readonly Tensor[] _tensors = [];

            public MyTensorDataset(Tensor[] tensors)
            {
                // BEGIN SOLUTION TensorDataset constructor
                if (tensors.Length == 0) throw new ArgumentException("A TensorDataset needs at least one tensor.");
                foreach (Tensor t in tensors)
                {
                    if (t.Size(0) != tensors[0].Size(0)) throw new ArgumentException($"Sizes differ: {tensors[0].Size(0)} and {t.Size(0)}.");
                }

                _tensors = tensors;
                // END SOLUTION
            }

            public override int Count => _tensors[0].Size(0);

            public override Tensor[] this[int index]
            {
                get
                {
                    // BEGIN SOLUTION TensorDataset indexer
                    int i = index < 0 ? index + Count : index;
                    if (i < 0 || i >= Count) throw new ArgumentOutOfRangeException(nameof(index), $"Index {index} is outside a dataset of Count {Count}.");
                    return _tensors.Select(t => t.Row(i)).ToArray();
                    // END SOLUTION
                }
            }
        }
        """;

    /// <summary>A solution that forgets negative indices: the source's check fails.</summary>
    public static string WrongSolution => CorrectSolution.Replace("int i = index < 0 ? index + Count : index;", "int i = index;", StringComparison.Ordinal);

    /// <summary>A correct solution whose region declares a local used after it: the student version does not compile.</summary>
    public static string LeakySolution => CorrectSolution.Replace(
        "        _tensors = tensors;\n        // END SOLUTION",
        "        var kept = tensors;\n        // END SOLUTION\n        _tensors = kept;",
        StringComparison.Ordinal);

    /// <summary>
    /// Writes an instructor source: title, set-up (read-only), the solution cell, optionally two demo cells (the second
    /// uses what the first made), and the check cell (15 points, with a hidden part).
    /// </summary>
    /// <param name="path">The file to write.</param>
    /// <param name="solution">The solution cell's code.</param>
    /// <param name="demo">Whether to add the demo cells.</param>
    /// <returns>The path.</returns>
    public static string WriteSource(string path, string solution, bool demo = false)
    {
        Notebook notebook = Notebook.CreatePolyglot();
        notebook.Cells.Add(Cell.CreateMarkdown("# TensorDataset", "title"));
        notebook.Cells.Add(Graded(Cell.CreateCode(
            $"#r \"{TinyTorchPath}\"\n#r \"{SpecsPath}\"\nusing TinyTorch;\nusing TinyTorch.Data;\nusing Course.Specs;\nusing Course.Specs.Core;", "setup"),
            "setup", locked: true));
        notebook.Cells.Add(Graded(Cell.CreateCode(solution, "solution"), "tensordataset-impl", solution: true));
        if (demo)
        {
            notebook.Cells.Add(Cell.CreateCode("var demo = new MyTensorDataset([Tensor.Zeros(3, 2)]);", "demo-make"));
            notebook.Cells.Add(Cell.CreateCode("demo.Count", "demo-use"));
        }

        Cell check = Graded(Cell.CreateCode(
            "// BEGIN HIDDEN TESTS\nvar instructorOnly = true;\n// END HIDDEN TESTS\nModuleSpecs.Check(\"tensordataset\", new Implementation { TensorDataset = t => new MyTensorDataset(t) })", "check"),
            "tensordataset", grade: true, locked: true, points: 15);
        check.SetOutputs([Output.Stream("stdout", "instructor run\n")]);
        check.ExecutionCount = 4;
        notebook.Cells.Add(check);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        IpynbWriter.Write(notebook, path);
        return path;
    }

    private static Cell Graded(Cell cell, string gradeId, bool solution = false, bool grade = false, bool locked = false, int? points = null)
    {
        var nbgrader = new JsonObject { ["grade"] = grade, ["grade_id"] = gradeId, ["locked"] = locked };
        if (points is int value)
        {
            nbgrader["points"] = value;
        }

        nbgrader["schema_version"] = 3;
        nbgrader["solution"] = solution;
        nbgrader["task"] = false;
        cell.Metadata["nbgrader"] = nbgrader;
        return cell;
    }
}
