using Course.Notebooks.Execution;
using Course.Notebooks.Model;

namespace Course.Notebooks.Tests.Execution;

/// <summary>What a live front end (the Jupyter kernel) receives while a cell runs, as opposed to what the file keeps.</summary>
public sealed class StreamedDisplayTests
{
    [Fact]
    public async Task A_streamed_display_carries_the_id_its_updates_name_but_the_stored_one_does_not()
    {
        var streamed = new List<Output>();
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync(new CellSubmission("var first = display(1);\nvar second = display(2);\nsecond.Update(3);")
        {
            OnOutput = streamed.Add,
        });

        Assert.Equal([OutputKind.DisplayData, OutputKind.DisplayData, OutputKind.UpdateDisplayData], streamed.Select(o => o.Kind));
        Assert.NotNull(streamed[0].DisplayId);
        Assert.NotEqual(streamed[0].DisplayId, streamed[1].DisplayId);
        Assert.Equal(streamed[1].DisplayId, streamed[2].DisplayId);
        Assert.Equal("3", streamed[2].Data!.Text);
        Assert.All(result.Outputs, output => Assert.Null(output.DisplayId));
        Assert.DoesNotContain("transient", result.Outputs[1].ToString(), StringComparison.Ordinal);
        Assert.Equal("3", result.Outputs[1].Data!.Text);
    }

    [Fact]
    public async Task Display_ids_stay_unique_across_cells()
    {
        var ids = new List<string?>();
        using var session = new NotebookSession();

        await session.ExecuteAsync(new CellSubmission("display(1);") { OnOutput = o => ids.Add(o.DisplayId) });
        await session.ExecuteAsync(new CellSubmission("display(2);") { OnOutput = o => ids.Add(o.DisplayId) });

        Assert.Equal(2, ids.Distinct().Count());
    }
}
