using Course.Notebooks.Authoring;
using Course.Notebooks.Model;

namespace Course.Notebooks.Tests.Authoring;

public sealed class ClearSolutionsTests
{
    private static Notebook Apply(params Cell[] cells)
    {
        Notebook notebook = SourceCells.Notebook(cells);
        new ClearSolutions().Apply(notebook, new ReleaseContext("lesson.ipynb"));
        return notebook;
    }

    private static ReleaseException Refused(params Cell[] cells) =>
        Assert.Throws<ReleaseException>(() => Apply(cells));

    [Fact]
    public void A_region_becomes_one_stub_at_the_markers_indentation_naming_the_exercise_after_the_marker()
    {
        Notebook notebook = Apply(SourceCells.Solution(
            "public int Twice(int x)\n{\n    // BEGIN SOLUTION TensorDataset indexer\n    int y = x * 2;\n    return y;\n    // END SOLUTION\n}",
            "twice"));

        Assert.Equal(
            "public int Twice(int x)\n{\n    throw new NotImplementedException(\"Exercise 'TensorDataset indexer' is not implemented yet: replace this line with your code.\");\n}",
            notebook.Cells[0].Source);
    }

    [Fact]
    public void Without_a_name_after_the_marker_the_stub_names_the_cells_grade_id()
    {
        Notebook notebook = Apply(SourceCells.Solution("int Twice(int x)\n{\n\t// BEGIN SOLUTION\n\treturn 2 * x;\n\t// END SOLUTION\n}", "twice"));

        Assert.Contains("\tthrow new NotImplementedException(\"Exercise 'twice' is not implemented yet", notebook.Cells[0].Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_region_of_a_cell_gets_its_own_stub_and_text_outside_regions_is_kept()
    {
        Notebook notebook = Apply(SourceCells.Solution(
            "class Pair\n{\n    public int A()\n    {\n        // BEGIN SOLUTION first\n        return 1;\n        // END SOLUTION\n    }\n\n    public int B()\n    {\n        /* BEGIN SOLUTION second */\n        return 2;\n        // END SOLUTION\n    }\n}",
            "pair"));

        string[] lines = notebook.Cells[0].Source.Split('\n');
        Assert.Equal(12, lines.Length);
        Assert.Contains("Exercise 'first'", lines[4], StringComparison.Ordinal);
        Assert.Contains("Exercise 'second'", lines[9], StringComparison.Ordinal);
        Assert.Equal("    public int B()", lines[7]);
    }

    [Fact]
    public void An_exercise_name_with_quotes_is_escaped_so_the_stub_still_compiles()
    {
        Assert.Equal(
            "throw new NotImplementedException(\"Exercise 'say \\\"hi\\\" \\\\ bye' is not implemented yet: replace this line with your code.\");",
            ClearSolutions.StubFor("say \"hi\" \\ bye"));
    }

    [Fact]
    public void A_top_level_region_is_allowed_because_a_throw_statement_compiles_there()
    {
        Notebook notebook = Apply(SourceCells.Solution("var data = new int[3];\n// BEGIN SOLUTION\ndata[0] = 1;\n// END SOLUTION", "top"));

        Assert.StartsWith("var data = new int[3];\nthrow new NotImplementedException(", notebook.Cells[0].Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_written_answer_gets_nbgraders_placeholder()
    {
        Notebook notebook = Apply(
            SourceCells.WrittenAnswer("Why pool buffers?\n<!-- BEGIN SOLUTION -->\nThe LOH.\n<!-- END SOLUTION -->", "why-pool"),
            SourceCells.WrittenAnswer("The whole answer.", "whole"));

        Assert.Equal("Why pool buffers?\nYOUR ANSWER HERE", notebook.Cells[0].Source);
        Assert.Equal("YOUR ANSWER HERE", notebook.Cells[1].Source);
    }

    [Fact]
    public void A_begin_without_an_end_is_refused_naming_file_cell_and_line()
    {
        ReleaseException error = Refused(
            Cell.CreateMarkdown("# Intro", "intro"),
            SourceCells.Solution("int F()\n{\n    // BEGIN SOLUTION\n    return 1;\n}", "f"));

        Assert.Equal("lesson.ipynb", error.FilePath);
        Assert.Equal(2, error.CellNumber);
        Assert.Equal("lesson.ipynb: cell 2 (f): BEGIN SOLUTION on line 3 has no END SOLUTION after it", error.Message);
    }

    [Fact]
    public void An_end_without_a_begin_is_refused()
    {
        ReleaseException error = Refused(SourceCells.Solution("int F()\n{\n    return 1;\n    // END SOLUTION\n}", "f"));

        Assert.Equal("lesson.ipynb: cell 1 (f): END SOLUTION on line 4 has no BEGIN SOLUTION before it", error.Message);
    }

    [Fact]
    public void Nested_regions_are_refused()
    {
        ReleaseException error = Refused(SourceCells.Tests(
            "// BEGIN SOLUTION\n// BEGIN HIDDEN TESTS\nx();\n// END HIDDEN TESTS\n// END SOLUTION", "t"));

        Assert.Contains("cell 1 (t): BEGIN HIDDEN TESTS on line 2 is inside the region BEGIN SOLUTION opened on line 1; regions cannot nest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mismatched_markers_are_refused()
    {
        ReleaseException error = Refused(SourceCells.Solution("void F()\n{\n// BEGIN SOLUTION\nG();\n// END HIDDEN TESTS\n}", "f"));

        Assert.Contains("END HIDDEN TESTS on line 5 does not match BEGIN SOLUTION on line 3 (expected END SOLUTION)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_solution_region_in_a_cell_that_is_not_a_solution_cell_is_refused()
    {
        ReleaseException error = Refused(Cell.CreateCode("void F()\n{\n// BEGIN SOLUTION\nG();\n// END SOLUTION\n}", "plain"));

        Assert.Equal(1, error.CellNumber);
        Assert.Equal("plain", error.CellName);
        Assert.Contains("BEGIN SOLUTION on line 3 is in a cell that is not a solution cell", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_solution_cell_without_a_region_is_refused_because_its_solution_would_ship()
    {
        ReleaseException error = Refused(SourceCells.Solution("int Answer() => 42;", "answer"));

        Assert.Contains("cell 1 (answer): a solution cell without a BEGIN SOLUTION region would ship its whole solution", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("class C\n{\n    // BEGIN SOLUTION\n    int _x;\n    // END SOLUTION\n}", "a member of a type")]
    [InlineData("int F(bool b)\n{\n    if (b)\n        // BEGIN SOLUTION\n        return 1;\n        // END SOLUTION\n    return 0;\n}", "an if statement")]
    [InlineData("int F()\n{\n    return 1 +\n        // BEGIN SOLUTION\n        2;\n        // END SOLUTION\n}", "part of an expression")]
    [InlineData("int F()\n{\n    // BEGIN SOLUTION\n    return 1;\n}\n// END SOLUTION", "syntax error")]
    public void A_region_that_is_not_whole_statements_of_a_block_body_is_refused(string source, string expected)
    {
        ReleaseException error = Refused(SourceCells.Solution(source, "misplaced"));

        Assert.Contains("cell 1 (misplaced): the solution region on lines ", error.Message, StringComparison.Ordinal);
        Assert.Contains("must hold whole statements inside a block body", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
