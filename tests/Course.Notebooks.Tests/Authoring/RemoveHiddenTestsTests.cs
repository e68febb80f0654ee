using Course.Notebooks.Authoring;
using Course.Notebooks.Format;
using Course.Notebooks.Model;

namespace Course.Notebooks.Tests.Authoring;

public sealed class RemoveHiddenTestsTests
{
    [Fact]
    public void Hidden_regions_are_removed_with_their_marker_lines()
    {
        Notebook notebook = SourceCells.Notebook(SourceCells.Tests(
            "Check(1);\n// BEGIN HIDDEN TESTS\nCheck(2);\nCheck(3);\n// END HIDDEN TESTS\nCheck(4);\n    // BEGIN HIDDEN TESTS\nCheck(5);\n    // END HIDDEN TESTS",
            "checks"));

        int removed = new RemoveHiddenTests().Apply(notebook, new ReleaseContext(null));

        Assert.Equal(2, removed);
        Assert.Equal("Check(1);\nCheck(4);", notebook.Cells[0].Source);
    }

    [Fact]
    public void A_cell_without_hidden_tests_is_left_exactly_as_it_was()
    {
        Notebook notebook = SourceCells.Notebook(SourceCells.Tests("Check(1);\n", "checks"), Cell.CreateMarkdown("text", "md"));
        string before = IpynbWriter.Serialize(notebook);

        Assert.Equal(0, new RemoveHiddenTests().Apply(notebook, new ReleaseContext(null)));
        Assert.Equal(before, IpynbWriter.Serialize(notebook));
    }

    [Fact]
    public void Hidden_tests_outside_a_grade_cell_are_refused()
    {
        Notebook notebook = SourceCells.Notebook(Cell.CreateCode("// BEGIN HIDDEN TESTS\nx();\n// END HIDDEN TESTS", "demo"));

        ReleaseException error = Assert.Throws<ReleaseException>(() => new RemoveHiddenTests().Apply(notebook, new ReleaseContext("nb.ipynb")));

        Assert.Equal("nb.ipynb: cell 1 (demo): BEGIN HIDDEN TESTS on line 1 is in a cell that is not a grade cell; hidden tests belong in an autograder-tests cell (metadata.nbgrader.grade true, with points)", error.Message);
    }

    [Fact]
    public void An_unclosed_hidden_region_is_refused()
    {
        Notebook notebook = SourceCells.Notebook(SourceCells.Tests("// BEGIN HIDDEN TESTS\nx();", "checks"));

        ReleaseException error = Assert.Throws<ReleaseException>(() => new RemoveHiddenTests().Apply(notebook, new ReleaseContext("nb.ipynb")));

        Assert.Equal("nb.ipynb: cell 1 (checks): BEGIN HIDDEN TESTS on line 1 has no END HIDDEN TESTS after it", error.Message);
    }
}
