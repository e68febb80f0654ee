using System.Text.Json.Nodes;

namespace Course.Boundary.Tests;

public sealed class JsonTests
{
    private static readonly JsonObject Body = (JsonObject)JsonNode.Parse("""
        {"int": 7, "big": 1099511627776, "frac": 1.5, "huge": 1e400, "text": "t", "numtext": "5", "yes": true, "no": false,
         "list": [1], "object": {"a": 1}, "nothing": null}
        """)!;

    [Fact]
    public void Each_field_is_read_as_what_it_is()
    {
        Assert.Equal(7, Json.Int(Body, "int"));
        Assert.Equal(1L << 40, Json.Long(Body, "big"));
        Assert.Equal(1.5, Json.Double(Body, "frac"));
        Assert.Equal("t", Json.String(Body, "text"));
        Assert.True(Json.Bool(Body, "yes"));
        Assert.Single(Json.Array(Body, "list"));
        Assert.Equal(1, Json.Int(Json.Object(Body, "object"), "a"));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("nothing")]
    [InlineData("big")]
    [InlineData("frac")]
    [InlineData("numtext")]
    [InlineData("yes")]
    [InlineData("list")]
    [InlineData("object")]
    public void A_field_that_is_not_a_32_bit_integer_is_refused_naming_it(string name)
    {
        var error = Assert.Throws<BoundaryProtocolException>(() => Json.Int(Body, name));

        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("32-bit integer", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("frac")]
    [InlineData("huge")]
    [InlineData("numtext")]
    [InlineData("text")]
    public void A_field_that_is_not_an_integer_is_refused_naming_it(string name)
    {
        Assert.Contains($"'{name}'", Assert.Throws<BoundaryProtocolException>(() => Json.Long(Body, name)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("huge")]
    [InlineData("numtext")]
    [InlineData("yes")]
    public void A_field_that_is_not_a_finite_number_is_refused_naming_it(string name)
    {
        Assert.Contains($"'{name}'", Assert.Throws<BoundaryProtocolException>(() => Json.Double(Body, name)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("nothing")]
    [InlineData("int")]
    [InlineData("list")]
    public void A_field_that_is_not_a_string_is_refused_naming_it(string name)
    {
        Assert.Contains($"'{name}'", Assert.Throws<BoundaryProtocolException>(() => Json.String(Body, name)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("object")]
    [InlineData("text")]
    public void A_field_that_is_not_an_array_is_refused_naming_it(string name)
    {
        Assert.Contains($"'{name}'", Assert.Throws<BoundaryProtocolException>(() => Json.Array(Body, name)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("list")]
    [InlineData("nothing")]
    public void A_field_that_is_not_an_object_is_refused_naming_it(string name)
    {
        Assert.Contains($"'{name}'", Assert.Throws<BoundaryProtocolException>(() => Json.Object(Body, name)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("no")]
    [InlineData("int")]
    [InlineData("text")]
    public void A_flag_is_false_unless_it_is_true(string name)
    {
        Assert.False(Json.Bool(Body, name));
    }

    [Fact]
    public void Numbers_made_in_this_process_are_read_whatever_their_type()
    {
        var body = new JsonObject { ["int"] = 3, ["long"] = 1L << 40, ["short"] = (short)-2, ["double"] = 2.0, ["float"] = 0.5f, ["big"] = long.MaxValue };

        Assert.Equal(3L, Json.Long(body, "int"));
        Assert.Equal(-2, Json.Int(body, "short"));
        Assert.Equal(-2L, Json.Long(body, "short"));
        Assert.Equal(3.0, Json.Double(body, "int"));
        Assert.Equal(0.5, Json.Double(body, "float"));
        Assert.Equal(1L << 40, Json.Long(body, "long"));
        Assert.Throws<BoundaryProtocolException>(() => Json.Int(body, "long"));
        Assert.Throws<BoundaryProtocolException>(() => Json.Int(body, "big"));
        Assert.Throws<BoundaryProtocolException>(() => Json.Long(body, "float"));
    }

    [Fact]
    public void An_element_that_is_not_an_object_is_refused_naming_what_it_should_be()
    {
        var error = Assert.Throws<BoundaryProtocolException>(() => Json.AsObject(JsonValue.Create(3), "a tensor summary"));

        Assert.Contains("a tensor summary", error.Message, StringComparison.Ordinal);
        Assert.Throws<BoundaryProtocolException>(() => Json.AsObject(null, "a reference"));
    }
}
