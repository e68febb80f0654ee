using Course.Notebooks.Execution;

namespace Course.Notebooks.Tests.Execution;

public sealed class EngineBenchmarkTests
{
    [Fact]
    public async Task Times_the_first_cell_and_the_later_ones()
    {
        EngineBenchmarkResult result = await EngineBenchmark.RunAsync(3, Path.GetTempPath());

        Assert.True(result.Run.Succeeded);
        Assert.Equal(2, result.LaterCellsMilliseconds.Count);
        string[] lines = [.. result.ReportLines()];
        Assert.Equal("cells: 3 (3 passed, 0 failed)", lines[0]);
        Assert.StartsWith("later cells: median ", lines[2], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void Percentiles_take_the_nearest_rank_below()
    {
        var result = new EngineBenchmarkResult(null!, TimeSpan.Zero, TimeSpan.Zero, [1, 2, 3, 4], TimeSpan.Zero);

        Assert.Equal((3, 4), (result.Percentile(0.5), result.Percentile(0.9)));
        Assert.True(double.IsNaN((result with { LaterCellsMilliseconds = [] }).Percentile(0.5)));
    }

    [Fact]
    public async Task Fewer_than_two_cells_are_refused_naming_the_option()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => EngineBenchmark.RunAsync(1, Path.GetTempPath()));

        Assert.StartsWith("--cells must be at least 2, but was 1.", error.Message, StringComparison.Ordinal);
        Assert.Equal("cellCount", error.ParamName);
    }
}
