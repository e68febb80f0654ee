using System.Text.Json.Nodes;

namespace Course.Boundary.Tests;

public sealed class ExceptionCodecTests
{
    [Fact]
    public void A_description_keeps_the_type_chain_most_derived_first_and_the_message()
    {
        JsonObject description = ExceptionCodec.Describe(new ArgumentOutOfRangeException("index", 5, "Index was out of range."));

        Assert.Equal(
            ["System.ArgumentOutOfRangeException", "System.ArgumentException", "System.SystemException", "System.Exception", "System.Object"],
            ExceptionCodec.TypesOf(description));
        Assert.StartsWith("Index was out of range.", ExceptionCodec.MessageOf(description), StringComparison.Ordinal);
    }

    [Fact]
    public void Rebuilding_gives_the_same_standard_type_message_and_inner_exceptions()
    {
        var original = new InvalidOperationException("outer", new ArgumentNullException("x", "inner"));

        Exception rebuilt = ExceptionCodec.Rebuild(ExceptionCodec.Describe(original));

        Assert.IsType<InvalidOperationException>(rebuilt);
        Assert.Equal("outer", rebuilt.Message);
        Assert.IsType<ArgumentNullException>(rebuilt.InnerException);
        Assert.Equal(original.InnerException!.Message, rebuilt.InnerException.Message);
    }

    [Theory]
    [MemberData(nameof(StandardExceptions))]
    public void Standard_exceptions_come_back_with_their_type_and_exact_message(Exception original)
    {
        Exception rebuilt = ExceptionCodec.Rebuild(ExceptionCodec.Describe(original));

        Assert.IsType(original.GetType(), rebuilt);
        Assert.Equal(original.Message, rebuilt.Message);
    }

    public static TheoryData<Exception> StandardExceptions =>
    [
        new ArgumentException("plain", "name"),
        new ArgumentNullException("name", "was null"),
        new ArgumentOutOfRangeException("i", 3, "too big"),
        new IndexOutOfRangeException("past the end"),
        new KeyNotFoundException("no key"),
        new NotImplementedException("TODO"),
        new ObjectDisposedException("the batch"),
        new ObjectDisposedException("the batch", "Batch was disposed."),
        new InvalidDataException("bad file"),
        new FileNotFoundException("missing", "a.bin"),
        new UriFormatException("not a uri"),
        new OverflowException("overflow"),
    ];

    [Fact]
    public void A_students_own_exception_is_rebuilt_as_its_nearest_standard_base()
    {
        Exception rebuilt = ExceptionCodec.Rebuild(ExceptionCodec.Describe(new StudentException("mine")));

        Assert.IsType<InvalidOperationException>(rebuilt);
        Assert.Equal("mine", rebuilt.Message);
    }

    [Fact]
    public void A_message_longer_than_the_limit_is_cut_when_described_and_when_rebuilt()
    {
        string huge = new('m', ExceptionCodec.MaxMessageLength * 10);

        string described = ExceptionCodec.MessageOf(ExceptionCodec.Describe(new InvalidOperationException(huge)));
        string rebuilt = ExceptionCodec.Rebuild(new JsonObject { ["message"] = huge }).Message;
        string remote = new BoundaryRemoteException(new JsonObject { ["message"] = huge }).Message;

        Assert.InRange(described.Length, 1, ExceptionCodec.MaxMessageLength + 2);
        Assert.InRange(rebuilt.Length, 1, ExceptionCodec.MaxMessageLength + 2);
        Assert.InRange(remote.Length, 1, ExceptionCodec.MaxMessageLength + 2);
    }

    [Fact]
    public void A_chain_of_thousands_of_inner_exceptions_is_described_to_the_depth_limit()
    {
        Exception chain = new InvalidOperationException("0");
        for (int i = 1; i < 5_000; i++)
        {
            chain = new InvalidOperationException(i.ToString(System.Globalization.CultureInfo.InvariantCulture), chain);
        }

        Assert.Equal(ExceptionCodec.MaxDepth + 1, Depth(ExceptionCodec.Describe(chain)));
    }

    [Fact]
    public void A_description_with_thousands_of_inner_exceptions_is_rebuilt_to_the_depth_limit()
    {
        var description = new JsonObject { ["types"] = new JsonArray("System.Exception"), ["message"] = "deepest" };
        for (int i = 0; i < 5_000; i++)
        {
            description = new JsonObject { ["types"] = new JsonArray("System.Exception"), ["message"] = "m", ["inner"] = description };
        }

        Exception rebuilt = ExceptionCodec.Rebuild(description);

        int depth = 0;
        for (Exception? e = rebuilt; e is not null; e = e.InnerException)
        {
            depth++;
        }

        Assert.Equal(ExceptionCodec.MaxDepth + 1, depth);
    }

    [Fact]
    public void The_types_of_a_description_are_cut_to_their_limit()
    {
        var types = new JsonArray(Enumerable.Range(0, 10_000).Select(i => (JsonNode?)$"T{i}").ToArray());

        Assert.Equal(ExceptionCodec.MaxTypes, ExceptionCodec.TypesOf(new JsonObject { ["types"] = types }).Count);
    }

    [Fact]
    public void A_type_name_longer_than_any_real_one_is_dropped()
    {
        var types = new JsonArray(new string('A', 100_000), "System.ArgumentException");

        IReadOnlyList<string> read = ExceptionCodec.TypesOf(new JsonObject { ["types"] = types });

        Assert.Equal(["", "System.ArgumentException"], read);
    }

    public static TheoryData<string> HostileDescriptions =>
    [
        "{}",
        "{\"types\":\"System.ArgumentException\",\"message\":5}",
        "{\"types\":[1,null,{},[],true],\"message\":{\"a\":1}}",
        "{\"types\":[\"System.ArgumentException\"],\"message\":null,\"inner\":\"nope\"}",
        "{\"types\":[\"System.String\",\"System.Object\",\"System.IO.Stream\"],\"message\":\"not exceptions\"}",
        "{\"types\":[\"System.Collections.Generic.List`1[[System.Int32]]\",\"System.Exception[]\",\"System.Exception&\",\"System.Exception*\"]}",
        "{\"types\":[\"System.ArgumentException, System.Private.CoreLib\",\"System.Nullable`1[[Evil.Type, Evil]]\"]}",
        "{\"types\":[\"Evil.Type, Evil, Version=1.0.0.0\",\"System.TypeInitializationException\",\"System.Exception\"],\"message\":\"m\"}",
        "{\"types\":[\"System.Runtime.InteropServices.ExternalException\",\"System.Threading.AbandonedMutexException\"],\"message\":\"m\"}",
        "{\"types\":[\"System.AggregateException\",\"System.Reflection.TargetInvocationException\",\"System.OperationCanceledException\"],\"message\":\"m\",\"inner\":{\"inner\":{\"inner\":{}}}}",
        "{\"types\":[\"\",\" \",\"..\",\"System.\",\"+\",\"`\"],\"message\":\"\"}",
    ];

    [Theory]
    [MemberData(nameof(HostileDescriptions))]
    public void A_hostile_description_is_rebuilt_as_some_exception_and_never_throws(string json)
    {
        var description = (JsonObject)JsonNode.Parse(json)!;

        Exception rebuilt = ExceptionCodec.Rebuild(description);
        _ = new BoundaryRemoteException(description);

        Assert.NotNull(rebuilt);
        Assert.Equal(ExceptionCodec.MessageOf(description), rebuilt.Message);
    }

    [Fact]
    public void A_type_named_in_assembly_qualified_form_is_not_looked_up()
    {
        Exception rebuilt = ExceptionCodec.Rebuild((JsonObject)JsonNode.Parse("{\"types\":[\"System.ArgumentException, System.Private.CoreLib\"],\"message\":\"m\"}")!);

        Assert.Equal(typeof(Exception), rebuilt.GetType());
    }

    [Fact]
    public void A_type_whose_constructor_takes_something_else_than_the_message_is_passed_over()
    {
        // TypeInitializationException(string, Exception) takes a type's name, not a message.
        var description = (JsonObject)JsonNode.Parse("{\"types\":[\"System.TypeInitializationException\",\"System.SystemException\"],\"message\":\"the message\"}")!;

        Exception rebuilt = ExceptionCodec.Rebuild(description);

        Assert.IsType<SystemException>(rebuilt);
        Assert.Equal("the message", rebuilt.Message);
    }

    [Fact]
    public void An_exception_whose_message_cannot_be_read_is_described_all_the_same()
    {
        JsonObject description = ExceptionCodec.Describe(new UnreadableException());

        Assert.Contains("could not be read", ExceptionCodec.MessageOf(description), StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException", ExceptionCodec.TypesOf(description));
    }

    [Fact]
    public void Describe_and_Rebuild_refuse_null()
    {
        Assert.Throws<ArgumentNullException>(() => ExceptionCodec.Describe(null!));
        Assert.Throws<ArgumentNullException>(() => ExceptionCodec.Rebuild(null!));
    }

    private static int Depth(JsonObject description) =>
        1 + (description["inner"] is JsonObject inner ? Depth(inner) : 0);

    private sealed class StudentException(string message) : InvalidOperationException(message);

    private sealed class UnreadableException : InvalidOperationException
    {
        public override string Message => throw new NotSupportedException("This message cannot be read.");
    }
}
