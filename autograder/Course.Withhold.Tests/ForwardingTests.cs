using Course.Withhold.Tests.Support;

namespace Course.Withhold.Tests;

/// <summary><c>Tensor.Stack</c> is forwarded: without a forwarder it throws; with one it asks it, with its arguments, and returns its answer.</summary>
[Collection(EditionsCollection.Name)]
public sealed class ForwardingTests(EditionsFixture editions) : IDisposable
{
    private Type Forwarding => editions.Edition.Type("TinyTorch.Grading.WithheldReference");

    [Fact]
    public void Without_a_forwarder_stack_throws_naming_the_collate_exercise()
    {
        var thrown = Withheld.Throws(() => Stack(), "TinyTorch.Tensor.Stack", "Collate");

        Assert.Equal(
            "TinyTorch.Tensor.Stack is the reference answer to the Collate exercise: it is withheld while notebooks are graded, so a solution cannot use it.",
            thrown.Message);
    }

    [Fact]
    public void With_a_forwarder_stack_passes_its_arguments_and_returns_the_answer()
    {
        var tensor = editions.Edition.Type("TinyTorch.Tensor");
        object answer = Reflected.Static(tensor, "Scalar", 42f)!;
        var calls = new List<(string Member, object?[] Arguments)>();
        SetForwarder((member, arguments) =>
        {
            calls.Add((member, arguments));
            return answer;
        });

        object? result = Stack();

        Assert.Same(answer, result);
        var (called, passed) = Assert.Single(calls);
        Assert.Equal("TinyTorch.Tensor.Stack", called);
        var tensors = Assert.IsAssignableFrom<System.Collections.IEnumerable>(Assert.Single(passed)).Cast<object>().ToArray();
        Assert.Equal(["Tensor[] (1)", "Tensor[] (2)"], tensors.Select(t => t.ToString()));
        Assert.All(tensors, t => Assert.Same(tensor, t.GetType()));
    }

    [Fact]
    public void A_forwarder_that_refuses_fails_the_call_with_its_own_exception()
    {
        SetForwarder((_, _) => throw new UnauthorizedAccessException("refused while Collate is checked"));

        var thrown = Assert.Throws<UnauthorizedAccessException>(() => Stack());

        Assert.Equal("refused while Collate is checked", thrown.Message);
    }

    [Fact]
    public void A_forwarder_answering_with_the_wrong_type_is_a_cast_error_not_a_wrong_value()
    {
        SetForwarder((_, _) => "not a tensor");

        Assert.Throws<InvalidCastException>(() => Stack());
    }

    /// <inheritdoc/>
    public void Dispose() => Forwarding.GetProperty("Forwarder")!.SetValue(null, null);

    private object? Stack() => Reflected.Static(editions.Probes(edition: true), "Stack");

    private void SetForwarder(Func<string, object?[], object?> forwarder) => Forwarding.GetProperty("Forwarder")!.SetValue(null, forwarder);
}
