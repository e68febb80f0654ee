using Course.Notebooks.Authoring;
using Course.Notebooks.Format;
using Course.Notebooks.Model;

namespace Course.Notebooks.Tests.Authoring;

public sealed class CheckCellMetadataTests
{
    private static ReleaseException Refused(params Cell[] cells) =>
        Assert.Throws<ReleaseException>(() => new CheckCellMetadata().Apply(SourceCells.Notebook(cells), new ReleaseContext("src.ipynb")));

    [Fact]
    public void Well_formed_metadata_passes_and_nothing_changes()
    {
        Notebook notebook = SourceCells.Notebook(
            SourceCells.Solution("x", "sol"), SourceCells.Tests("y", "check"), SourceCells.ReadOnly("z", null, "ro"), Cell.CreateCode("w", "w"));
        string before = IpynbWriter.Serialize(notebook);

        Assert.Equal(3, new CheckCellMetadata().Apply(notebook, new ReleaseContext(null)));
        Assert.Equal(before, IpynbWriter.Serialize(notebook));
    }

    [Fact]
    public void Duplicate_grade_ids_are_refused_naming_both_cells()
    {
        ReleaseException error = Refused(SourceCells.Tests("a", "check", id: "c1"), Cell.CreateMarkdown("m", "m"), SourceCells.Tests("b", "check", id: "c3"));

        Assert.Equal("src.ipynb: cell 3 (check): grade_id 'check' is also used by cell 1; every grade_id must be unique in the notebook", error.Message);
    }

    [Fact]
    public void A_key_nbgrader_does_not_allow_is_refused()
    {
        Cell cell = SourceCells.Tests("a", "check");
        cell.Metadata["nbgrader"]!["budget_ms"] = 5;

        ReleaseException error = Refused(cell);

        Assert.Contains("cell 1 (check): metadata.nbgrader has the key 'budget_ms', which nbgrader does not allow", error.Message, StringComparison.Ordinal);
        Assert.Contains("metadata.course", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("schema_version", "1", "schema_version must be 3")]
    [InlineData("grade_id", "\"has space\"", "grade_id must be letters, digits")]
    [InlineData("points", "-1", "points must be a number of 0 or more")]
    [InlineData("locked", "\"yes\"", "locked must be true or false")]
    public void Malformed_values_are_refused(string key, string json, string expected)
    {
        Cell cell = SourceCells.Tests("a", "check");
        cell.Metadata["nbgrader"]![key] = System.Text.Json.Nodes.JsonNode.Parse(json);

        Assert.Contains(expected, Refused(cell).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_locked_solution_cell_and_a_grade_cell_without_points_are_refused()
    {
        Cell lockedSolution = SourceCells.Solution("x", "sol");
        lockedSolution.Metadata["nbgrader"]!["locked"] = true;
        Cell noPoints = SourceCells.WithNbgrader(Cell.CreateCode("y", "y"), SourceCells.Metadata("check", grade: true));

        Assert.Contains("a solution cell cannot be locked", Refused(lockedSolution).Message, StringComparison.Ordinal);
        Assert.Contains("a grade cell needs metadata.nbgrader.points", Refused(noPoints).Message, StringComparison.Ordinal);
    }
}
