using System.Text.Json.Nodes;
using Course.Autograder.Boundary;
using Course.Notebooks.Files;
using Course.Specs.Core;
using TinyTorch.Transforms;

namespace Course.Boundary.Tests.AddingAnExercise;

/// <summary>
/// docs/AUTHORING.md's worked example, run: a row defined here, outside Course.Specs, with no other edit, is recorded,
/// bound to its reference, screened, and called across the boundary by the very code that grades module 05.
/// </summary>
public sealed class AddingAnExerciseTests
{
    private static readonly ExerciseTable Table = Exercises.All.With(NormalizeExercise.Normalize);

    private static readonly Func<float, float, ITransform> Student = (mean, std) => new StudentNormalize(mean, std);

    [Fact]
    public void The_documented_example_is_this_file()
    {
        string root = CourseRepository.FindAbove(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException($"No course repository above {AppContext.BaseDirectory}.");
        string source = File.ReadAllText(Path.Combine(root, "autograder", "Course.Boundary.Tests", "AddingAnExercise", "NormalizeExercise.cs"));
        string example = Between(source, "    // BEGIN DOCUMENTED EXAMPLE\n", "    // END DOCUMENTED EXAMPLE\n");
        string page = File.ReadAllText(Path.Combine(root, "docs", "AUTHORING.md")).ReplaceLineEndings("\n");

        Assert.Contains("```csharp\n" + example.ReplaceLineEndings("\n") + "```\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_cell_records_the_new_exercise()
    {
        SubmissionRecorder.Start();
        try
        {
            SubmissionRecorder.Record("normalize", NormalizeExercise.Normalize.Bind(Student), Table);

            Assert.Same(Student, NormalizeExercise.Normalize.Of(SubmissionRecorder.Recorded));
        }
        finally
        {
            SubmissionRecorder.Stop();
        }
    }

    [Fact]
    public void The_reference_is_bound_from_the_row_and_passes_the_check()
    {
        Implementation reference = Table.ReferenceImplementation();

        Assert.IsType<Normalize>(NormalizeExercise.Normalize.Of(reference)!(0f, 1f));
        Assert.Equal(CheckStatus.Passed, Run(reference).Status);
    }

    [Fact]
    public void The_guard_fails_a_cell_bound_to_the_library_and_leaves_the_students_own()
    {
        var cellBoundToLibrary = NormalizeExercise.Normalize.Bind((mean, std) => new Normalize([mean], [std]));
        var cellBoundToStudent = NormalizeExercise.Normalize.Bind(Student);

        CheckResult caught = Run(ReferenceGuard.Screen("normalize", cellBoundToLibrary, Table));

        Assert.Equal(CheckStatus.Failed, caught.Status);
        Assert.StartsWith("This check ran the reference library's Normalize, not yours", caught.Message, StringComparison.Ordinal);
        Assert.Same(cellBoundToStudent, ReferenceGuard.Screen("normalize", cellBoundToStudent, Table));
        Assert.Equal(CheckStatus.Passed, Run(ReferenceGuard.Screen("normalize", cellBoundToStudent, Table)).Status);
    }

    [Theory]
    [InlineData(false, CheckStatus.Passed)]
    [InlineData(true, CheckStatus.Failed)]
    public async Task The_boundary_calls_the_runners_factory_and_the_check_runs_in_the_parent(bool wrong, CheckStatus expected)
    {
        var recorded = NormalizeExercise.Normalize.Bind((mean, std) => new StudentNormalize(mean, std, wrong));
        var parent = new ParentService(Table);
        var runner = new ObjectHost("runner", "parent");
        using var pair = new ChannelPair(parent.Serve, call => runner.TryServe(call, out BoundaryReply reply)
            ? reply
            : FactoryCalls.Serve(runner, call, Table.Serving(call.Operation)!.Get(recorded)!, "the factory"));
        parent.Host.Channel = pair.Parent;
        runner.Channel = pair.Runner;

        // The runner reports what its check cells recorded, by the rows' names, as NotebookPass does.
        runner.Call("ready", new JsonObject { ["cells"] = new JsonArray(), ["exercises"] = new JsonArray(Table.Where(e => e.Get(recorded) is not null).Select(e => (JsonNode?)e.Name).ToArray()) });
        RunnerReport report = await parent.Ready;
        Implementation remote = RemoteImplementation.Create(parent.Host, report.Exercises, InProcessWorld.Instance);

        ITransform made = NormalizeExercise.Normalize.Of(remote)!(0.5f, 2f);
        Assert.IsNotType<StudentNormalize>(made);
        Assert.Equal(expected, Run(remote).Status);
    }

    private static CheckResult Run(Implementation implementation) =>
        Assert.Single(SpecRunner.Run([NormalizeExercise.Values], implementation).Results);

    private static string Between(string text, string begin, string end)
    {
        text = text.ReplaceLineEndings("\n");
        int start = text.IndexOf(begin, StringComparison.Ordinal) + begin.Length;
        return text[start..text.IndexOf(end, start, StringComparison.Ordinal)];
    }
}
