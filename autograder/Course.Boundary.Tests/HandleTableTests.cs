namespace Course.Boundary.Tests;

public sealed class HandleTableTests
{
    [Fact]
    public void An_object_registered_twice_keeps_its_handle_and_others_get_their_own()
    {
        var table = new HandleTable();
        object a = new(), b = new();

        long first = table.Register(a);

        Assert.Equal(first, table.Register(a));
        Assert.NotEqual(first, table.Register(b));
        Assert.Same(a, table.Get<object>(first));
    }

    [Fact]
    public void Objects_equal_but_not_the_same_get_handles_of_their_own()
    {
        var table = new HandleTable();

        Assert.NotEqual(table.Register(new EqualToEverything()), table.Register(new EqualToEverything()));
    }

    [Fact]
    public void An_unknown_handle_is_refused_with_a_message_naming_it()
    {
        var table = new HandleTable();
        table.Register("something");

        var error = Assert.Throws<BoundaryProtocolException>(() => table.Get<object>(424242));

        Assert.Contains("handle 424242", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void Handles_that_no_object_can_have_are_refused(long id)
    {
        var table = new HandleTable();
        table.Register("something");

        Assert.Throws<BoundaryProtocolException>(() => table.Get<object>(id));
    }

    [Fact]
    public void A_handle_of_another_type_is_refused_naming_both_types()
    {
        var table = new HandleTable();
        long id = table.Register("text");

        var error = Assert.Throws<BoundaryProtocolException>(() => table.Get<Stream>(id));

        Assert.Contains("String", error.Message, StringComparison.Ordinal);
        Assert.Contains("Stream", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Released_handles_are_gone_and_never_handed_out_again()
    {
        var table = new HandleTable();
        long old = table.Register("before");

        table.Release();
        long fresh = table.Register("after");

        Assert.Throws<BoundaryProtocolException>(() => table.Get<string>(old));
        Assert.NotEqual(old, fresh);
        Assert.Equal("after", table.Get<string>(fresh));
    }

    [Fact]
    public void Registering_beyond_the_limit_is_refused_until_the_table_is_released()
    {
        var table = new HandleTable();
        for (int i = 0; i < HandleTable.MaxObjects; i++)
        {
            table.Register(new object());
        }

        var error = Assert.Throws<BoundaryProtocolException>(() => table.Register(new object()));
        Assert.Contains($"{HandleTable.MaxObjects:N0}", error.Message, StringComparison.Ordinal);

        table.Release();
        table.Register(new object());
    }

    [Fact]
    public void An_object_already_registered_keeps_its_handle_when_the_table_is_full()
    {
        var table = new HandleTable();
        object first = new();
        long id = table.Register(first);
        for (int i = 1; i < HandleTable.MaxObjects; i++)
        {
            table.Register(new object());
        }

        Assert.Equal(id, table.Register(first));
    }

    [Fact]
    public void Registering_from_several_threads_gives_each_object_one_handle()
    {
        var table = new HandleTable();
        object[] objects = [.. Enumerable.Range(0, 1000).Select(_ => new object())];

        long[][] ids = [.. Enumerable.Range(0, 4).AsParallel().Select(_ => objects.Select(table.Register).ToArray())];

        Assert.All(ids, each => Assert.Equal(ids[0], each));
        Assert.Equal(objects.Length, ids[0].Distinct().Count());
    }

    private sealed class EqualToEverything
    {
        public override bool Equals(object? obj) => true;

        public override int GetHashCode() => 0;
    }
}
