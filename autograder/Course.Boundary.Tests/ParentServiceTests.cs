using System.Text.Json.Nodes;
using Course.Autograder.Boundary;
using Course.Specs.Core;
using TinyTorch;

namespace Course.Boundary.Tests;

public sealed class ParentServiceTests
{
    private readonly ParentService _service = new();

    [Fact]
    public async Task The_runners_report_gives_its_cells_and_the_exercises_recorded()
    {
        _service.Serve(Call("ready", Report("""[{"Notebook":"01.ipynb","CellNumber":3,"Outcome":"Failed","Status":"Threw","ExceptionType":"System.Exception","ExceptionMessage":"boom","ExceptionLine":2}]""", "\"TensorDataset\"", "\"Collate\"")));

        Assert.True(_service.Ready.IsCompletedSuccessfully);
        RunnerReport report = await _service.Ready;
        CellFacts cell = Assert.Single(report.Cells);
        Assert.Equal(("01.ipynb", 3, "boom", 2), (cell.Notebook, cell.CellNumber, cell.ExceptionMessage, cell.ExceptionLine));
        Assert.Equal(new HashSet<Exercise> { Exercises.TensorDataset, Exercises.Collate }, report.Exercises);
    }

    [Fact]
    public void A_report_of_more_cells_than_the_limit_is_refused()
    {
        string cells = "[" + string.Join(",", Enumerable.Repeat("{}", ParentService.MaxCells + 1)) + "]";

        var error = Assert.Throws<BoundaryProtocolException>(() => _service.Serve(Call("ready", Report(cells))));

        Assert.Contains($"{ParentService.MaxCells:N0}", error.Message, StringComparison.Ordinal);
        Assert.False(_service.Ready.IsCompleted);
    }

    [Theory]
    [InlineData("[5]")]
    [InlineData("[[]]")]
    [InlineData("[{\"CellNumber\":\"three\"}]")]
    [InlineData("[{\"CellNumber\":1e40}]")]
    [InlineData("[{\"OutputCut\":\"yes\"}]")]
    [InlineData("[{\"Notebook\":{\"a\":1}}]")]
    public void A_report_with_malformed_cells_is_refused(string cells)
    {
        var error = Assert.Throws<BoundaryProtocolException>(() => _service.Serve(Call("ready", Report(cells))));

        Assert.Contains("report is malformed", error.Message, StringComparison.Ordinal);
        Assert.False(_service.Ready.IsCompleted);
    }

    [Theory]
    [InlineData("{\"exercises\":[]}")]
    [InlineData("{\"cells\":{},\"exercises\":[]}")]
    [InlineData("{\"cells\":[],\"exercises\":\"Collate\"}")]
    [InlineData("{\"cells\":[]}")]
    public void A_report_missing_its_parts_is_refused(string body)
    {
        Assert.Throws<BoundaryProtocolException>(() => _service.Serve(Call("ready", (JsonObject)JsonNode.Parse(body)!)));
        Assert.False(_service.Ready.IsCompleted);
    }

    [Fact]
    public async Task Exercise_names_that_are_not_an_exercises_own_name_are_ignored()
    {
        _service.Serve(Call("ready", Report("[]", "\"99\"", "\"1\"", "\"LazyCifar, Flip\"", "\"None\"", "\"collate\"", "5", "null", "\"Crop\"")));

        Assert.Equal(new HashSet<Exercise> { Exercises.Crop }, (await _service.Ready).Exercises);
    }

    [Fact]
    public async Task A_second_report_changes_nothing()
    {
        _service.Serve(Call("ready", Report("[]", "\"Flip\"")));
        _service.Serve(Call("ready", Report("[]", "\"Crop\"")));

        Assert.Equal(new HashSet<Exercise> { Exercises.Flip }, (await _service.Ready).Exercises);
    }

    [Theory]
    [InlineData("tensor.fill")]
    [InlineData("tensor.read")]
    [InlineData("tensor.same")]
    [InlineData("handles.release")]
    [InlineData("samples.keep")]
    [InlineData("exercise.flip")]
    [InlineData("no such thing")]
    public void Operations_the_runner_has_no_business_calling_are_refused_naming_them(string operation)
    {
        var error = Assert.Throws<BoundaryProtocolException>(() => _service.Serve(Call(operation, [])));

        Assert.Contains($"'{operation}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_runner_cannot_write_into_the_parents_tensors()
    {
        // A check keeps the tensors it sent to compare the student's results with: the runner must not change them.
        var expected = new Tensor([1f, 2f], 2);
        long id = _service.Host.Handles.Register(expected);

        Assert.Throws<BoundaryProtocolException>(() => _service.Serve(Call("tensor.fill", new JsonObject { ["id"] = id, ["value"] = 0 })));

        Assert.Equal([1f, 2f], expected.Values.ToArray());
    }

    [Fact]
    public void The_runner_cannot_release_the_parents_handles()
    {
        long id = _service.Host.Handles.Register(new Tensor([1f], 1));

        Assert.Throws<BoundaryProtocolException>(() => _service.Serve(Call("handles.release", [])));

        Assert.NotNull(_service.Host.Handles.Get<Tensor>(id));
    }

    [Fact]
    public void A_forwarded_reference_is_refused_while_its_exercise_is_checked()
    {
        _service.CurrentExercise = Exercises.Collate;

        var error = Assert.Throws<InvalidOperationException>(() => _service.Serve(Stack(new Tensor([1f], 1))));

        Assert.Contains("withheld", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forwarded_reference_is_computed_while_another_exercise_is_checked()
    {
        _service.CurrentExercise = Exercises.DataLoader;

        BoundaryReply reply = _service.Serve(Stack(new Tensor([1f, 2f], 2), new Tensor([3f, 4f], 2)));

        Tensor stacked = new ObjectHost("runner", "parent").ReadTensor(reply.Body["result"], reply.Payload);
        Assert.Equal([2, 2], stacked.Shape);
        Assert.Equal([1f, 2f, 3f, 4f], stacked.Values.ToArray());
    }

    [Theory]
    [InlineData("{\"member\":\"System.IO.File.Delete\",\"arguments\":[]}")]
    [InlineData("{\"member\":\"TinyTorch.Tensor.Stack\",\"arguments\":[]}")]
    [InlineData("{\"member\":\"TinyTorch.Tensor.Stack\",\"arguments\":[5]}")]
    [InlineData("{\"member\":\"TinyTorch.Tensor.Stack\",\"arguments\":[{\"tensors\":{\"b\":0,\"k\":1000}}]}")]
    [InlineData("{\"member\":5}")]
    public void A_malformed_forwarded_call_is_refused(string body)
    {
        _service.CurrentExercise = Exercise.None;

        Exception error = Record.Exception(() => _service.Serve(Call("reference.invoke", (JsonObject)JsonNode.Parse(body)!)));

        Assert.True(error is BoundaryProtocolException or InvalidOperationException, $"Threw {error?.GetType().Name}: {error?.Message}");
    }

    private static BoundaryCall Call(string operation, JsonObject body) => new(operation, body, ReadOnlyMemory<byte>.Empty);

    private static JsonObject Report(string cells, params string[] exercises) =>
        (JsonObject)JsonNode.Parse($"{{\"cells\":{cells},\"exercises\":[{string.Join(",", exercises)}]}}")!;

    private static BoundaryCall Stack(params Tensor[] tensors)
    {
        var payload = new Payload();
        var body = new JsonObject
        {
            ["member"] = "TinyTorch.Tensor.Stack",
            ["arguments"] = new JsonArray(new JsonObject { ["tensors"] = ObjectHost.WriteValues(tensors, payload) }),
        };
        return new BoundaryCall("reference.invoke", body, payload.ToMemory());
    }
}
