using Course.Notebooks.Execution;

namespace Course.Notebooks.Tests.Execution;

public sealed class CellFailureTextTests
{
    [Theory]
    [InlineData("cell 3, line 2: CS0103: x", "line 2: CS0103: x")]
    [InlineData("cell 3: timed out after 2 s", "timed out after 2 s")]
    [InlineData("cell 3 threw System.Exception: boom", "threw System.Exception: boom")]
    [InlineData("cell 30: another cell", "cell 30: another cell")]
    [InlineData("threw without a prefix", "threw without a prefix")]
    public void Drops_only_the_cells_own_number(string reason, string expected)
    {
        Assert.Equal(expected, CellFailureText.WithoutCellNumber(reason, 3));
    }

    [Fact]
    public void A_missing_reason_is_refused()
    {
        var error = Assert.Throws<ArgumentNullException>(() => CellFailureText.WithoutCellNumber(null!, 1));

        Assert.Equal("reason", error.ParamName);
    }
}
