using Course.Notebooks.Execution;

namespace Course.Notebooks.Tests.Execution;

/// <summary>A cell that prints without end keeps the first and last of its output, and says what was cut.</summary>
public sealed class OutputCapTests
{
    [Fact]
    public async Task A_flood_of_lines_keeps_the_head_and_the_tail_and_says_how_much_was_cut()
    {
        using var session = new NotebookSession();

        // 3,000,000 lines of 8 characters: 24 MB of text, far over what a cell keeps.
        CellExecution result = await session.ExecuteAsync("for (int i = 0; i < 3_000_000; i++) Console.WriteLine(i.ToString(\"D7\"));");

        Assert.True(result.Succeeded, result.FailureSummary);
        Assert.True(result.OutputCut);
        string text = string.Concat(result.Outputs.Select(o => o.Text));
        Assert.StartsWith("0000000\n0000001\n", text, StringComparison.Ordinal);
        Assert.EndsWith("2999998\n2999999\n", text, StringComparison.Ordinal);
        Assert.InRange(text.Length, 1_000_000, 1_100_000);
        string cutLine = text.Split('\n').Single(l => l.StartsWith("[output cut:", StringComparison.Ordinal));
        // Kept: 125,000 lines at the start and about 2,000 at the end; the line says how many were left out.
        long cut = long.Parse(cutLine.Split(' ')[2].Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        long kept = text.Count(c => c == '\n') - 2;
        Assert.Equal(3_000_000, cut + kept);
    }

    [Fact]
    public async Task Output_under_the_limit_is_kept_whole_and_not_marked_cut()
    {
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync("for (int i = 0; i < 1000; i++) Console.WriteLine(i);");

        Assert.False(result.OutputCut);
        Assert.Equal(string.Concat(Enumerable.Range(0, 1000).Select(i => i + "\n")), string.Concat(result.Outputs.Select(o => o.Text)));
    }
}
