using System.Text.Json.Nodes;
using Course.Notebooks.Model;

namespace Course.Notebooks.Tests.Authoring;

/// <summary>Builds the kinds of nbgrader cell an instructor source holds, as small hand-made test inputs.</summary>
public static class SourceCells
{
    /// <summary>An autograded answer cell (solution: true).</summary>
    public static Cell Solution(string source, string gradeId, string? id = null) =>
        WithNbgrader(Cell.CreateCode(source, id ?? gradeId + "-cell"), Metadata(gradeId, solution: true));

    /// <summary>An autograder tests cell (grade and locked, with points).</summary>
    public static Cell Tests(string source, string gradeId, double points = 10, string? id = null) =>
        WithNbgrader(Cell.CreateCode(source, id ?? gradeId + "-cell"), Metadata(gradeId, grade: true, locked: true, points: points));

    /// <summary>A read-only code cell (locked), optionally without a grade_id.</summary>
    public static Cell ReadOnly(string source, string? gradeId, string id) =>
        WithNbgrader(Cell.CreateCode(source, id), Metadata(gradeId, locked: true));

    /// <summary>A manually graded written answer (a Markdown solution and grade cell).</summary>
    public static Cell WrittenAnswer(string source, string gradeId, double points = 5) =>
        WithNbgrader(Cell.CreateMarkdown(source, gradeId + "-cell"), Metadata(gradeId, solution: true, grade: true, points: points));

    /// <summary>nbgrader metadata (schema 3) with the given fields.</summary>
    public static JsonObject Metadata(string? gradeId, bool solution = false, bool grade = false, bool locked = false, double? points = null)
    {
        var nbgrader = new JsonObject();
        if (gradeId is not null)
        {
            nbgrader["grade_id"] = gradeId;
        }

        nbgrader["grade"] = grade;
        nbgrader["locked"] = locked;
        if (points is double value)
        {
            nbgrader["points"] = value;
        }

        nbgrader["schema_version"] = 3;
        nbgrader["solution"] = solution;
        nbgrader["task"] = false;
        return nbgrader;
    }

    /// <summary>Puts nbgrader metadata on a cell.</summary>
    public static Cell WithNbgrader(Cell cell, JsonObject nbgrader)
    {
        cell.Metadata["nbgrader"] = nbgrader;
        return cell;
    }

    /// <summary>A Polyglot notebook of the given cells.</summary>
    public static Notebook Notebook(params Cell[] cells)
    {
        Notebook notebook = Model.Notebook.CreatePolyglot();
        foreach (Cell cell in cells)
        {
            notebook.Cells.Add(cell);
        }

        return notebook;
    }
}
