namespace Course.Boundary.Tests;

public sealed class PayloadTests
{
    [Fact]
    public void Values_added_are_read_back_where_the_payload_said_they_are()
    {
        var payload = new Payload();
        payload.Add([9f]);
        var (offset, count) = payload.Add([1f, 2f, 3f]);

        Assert.Equal([1f, 2f, 3f], Payload.Read(payload.ToMemory(), offset, count));
        Assert.Equal(4, offset);
        Assert.Equal(16, payload.Length);
    }

    [Theory]
    [InlineData(-1L, 1)]
    [InlineData(0L, -1)]
    [InlineData(0L, 5)]
    [InlineData(17L, 0)]
    [InlineData(13L, 1)]
    [InlineData(long.MaxValue, 1)]
    [InlineData(long.MinValue, 0)]
    [InlineData(4L, int.MaxValue)]
    [InlineData(4L, int.MinValue)]
    public void A_range_outside_the_payload_is_refused_naming_it(long offset, int count)
    {
        var payload = new Payload();
        payload.Add([1f, 2f, 3f, 4f]);

        var error = Assert.Throws<BoundaryProtocolException>(() => Payload.Read(payload.ToMemory(), offset, count));

        Assert.Contains($"{count:N0} floats at byte {offset:N0}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_range_at_the_end_is_read_as_no_values()
    {
        var payload = new Payload();
        payload.Add([1f]);

        Assert.Empty(Payload.Read(payload.ToMemory(), 4, 0));
    }
}
