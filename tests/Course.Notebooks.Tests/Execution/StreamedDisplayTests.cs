using Course.Notebooks.Tests.Support;
using Course.Notebooks.Execution;
using Course.Notebooks.Model;

namespace Course.Notebooks.Tests.Execution;

/// <summary>What a live front end (the Jupyter kernel) receives while a cell runs, as opposed to what the file keeps.</summary>
public sealed class StreamedDisplayTests
{
    [Fact]
    public async Task A_streamed_display_carries_its_id_but_the_stored_one_does_not()
    {
        var streamed = new List<Output>();
        using var session = new NotebookSession();

        CellExecution result = await session.ExecuteAsync(new CellSubmission("display(1);\ndisplay(2);")
        {
            OnOutput = streamed.Add,
        });

        Assert.Equal([OutputKind.DisplayData, OutputKind.DisplayData], streamed.Select(o => o.Kind));
        Assert.NotNull(streamed[0].DisplayId);
        Assert.NotEqual(streamed[0].DisplayId, streamed[1].DisplayId);
        Assert.Equal("2", streamed[1].Data!.Shown());
        Assert.All(result.Outputs, output => Assert.Null(output.DisplayId));
        Assert.DoesNotContain("transient", result.Outputs[1].ToString(), StringComparison.Ordinal);
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
