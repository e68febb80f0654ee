using Course.Notebooks.Authoring;
using Course.Notebooks.Model;

namespace Course.Notebooks.Tests.Authoring;

public sealed class ComputeChecksumsTests
{
    // Expected values computed with nbgrader's recipe in Python:
    // hashlib.md5(source + cell_type + str(grade) + str(solution) + str(locked) + grade_id [+ str(float(points))]).
    [Fact]
    public void Checksums_are_nbgraders_for_grade_solution_and_read_only_cells()
    {
        Notebook notebook = SourceCells.Notebook(
            SourceCells.Tests("ModuleSpecs.Check(\"x\", impl)\n// é", "check-a", points: 15),
            SourceCells.Solution("var a = 1;", "sol-a"),
            SourceCells.WithNbgrader(Cell.CreateMarkdown("# Read me", "intro-cell"), SourceCells.Metadata("intro", locked: true)),
            Cell.CreateCode("var plain = 1;", "plain"));

        int stored = new ComputeChecksums().Apply(notebook, new ReleaseContext(null));

        Assert.Equal(3, stored);
        Assert.Equal("6c2ea3df53761384c7a798afedd0e6b5", NbgraderMetadata.Read(notebook.Cells[0])!.Checksum);
        Assert.Equal("e47b95340388c02ac1b74dcd84da299d", NbgraderMetadata.Read(notebook.Cells[1])!.Checksum);
        Assert.Equal("5d6bf7ba1942d151da155fedb2e42701", NbgraderMetadata.Read(notebook.Cells[2])!.Checksum);
        Assert.Null(NbgraderMetadata.Read(notebook.Cells[3]));
        Assert.Equal("markdown", notebook.Cells[2].Metadata["nbgrader"]!["cell_type"]!.GetValue<string>());
    }

    [Fact]
    public void A_checksum_is_stable_and_detects_an_edit_of_source_points_or_flags()
    {
        Cell cell = SourceCells.Tests("Check();", "t", points: 2.5);
        Notebook notebook = SourceCells.Notebook(cell);
        new ComputeChecksums().Apply(notebook, new ReleaseContext(null));
        string first = NbgraderMetadata.Read(cell)!.Checksum!;

        Assert.Equal(first, CellChecksum.Compute(cell.Clone()));
        Assert.True(CellChecksum.Matches(cell));

        Cell edited = cell.Clone();
        edited.Source = "Check(); ";
        Cell morePoints = cell.Clone();
        morePoints.Metadata["nbgrader"]!["points"] = 3;
        Cell unlocked = cell.Clone();
        unlocked.Metadata["nbgrader"]!["grade"] = false;

        Assert.False(CellChecksum.Matches(edited));
        Assert.False(CellChecksum.Matches(morePoints));
        Assert.False(CellChecksum.Matches(unlocked));
        Assert.Null(CellChecksum.Matches(Cell.CreateCode("x", "x")));
    }

    [Theory]
    [InlineData(15.0, "15.0")]
    [InlineData(2.5, "2.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.0, "0.0")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    public void Points_are_written_as_Pythons_str_of_a_float(double points, string expected)
    {
        Assert.Equal(expected, CellChecksum.PythonFloat(points));
    }
}
