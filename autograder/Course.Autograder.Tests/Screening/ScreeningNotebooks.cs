using System.Text.Json.Nodes;
using Course.Notebooks.Model;

namespace Course.Autograder.Tests.Screening;

/// <summary>The course tree's folders and handmade module 05 notebooks for the screening tests.</summary>
internal static class ScreeningNotebooks
{
    /// <summary>The repository root (the folder holding Course.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>notebooks/lib: TinyTorch.dll and the other DLLs the notebooks reference (built with the tests).</summary>
    public static string Library => Path.Combine(Root, "notebooks", "lib");

    /// <summary>A setup cell as the course's notebooks have it: the library referenced, then the given usings.</summary>
    public static Cell Setup(string usings) => Graded(
        "#r \"../lib/TinyTorch.dll\"\n#r \"../lib/TinyTorch.Analysis.dll\"\n#r \"../lib/Course.Specs.dll\"\n\n"
        + "using TinyTorch;\nusing Course.Specs;\nusing Course.Specs.Core;\n" + usings,
        "setup", solution: false, grade: false, locked: true);

    /// <summary>A solution cell.</summary>
    public static Cell Solution(string gradeId, string code) => Graded(code, gradeId, solution: true, grade: false, locked: false);

    /// <summary>A check cell (grade: true, locked).</summary>
    public static Cell Check(string gradeId, string code) => Graded(code, gradeId, solution: false, grade: true, locked: true, points: 10);

    /// <summary>An ordinary code cell (a demonstration), without nbgrader metadata.</summary>
    public static Cell Demo(string code) => Cell.CreateCode(code);

    /// <summary>A Markdown cell.</summary>
    public static Cell Text(string text) => Cell.CreateMarkdown(text);

    /// <summary>A Polyglot C# notebook with these cells.</summary>
    public static Notebook Of(params Cell[] cells)
    {
        var notebook = Notebook.CreatePolyglot();
        foreach (var cell in cells)
        {
            notebook.Cells.Add(cell);
        }

        return notebook;
    }

    private static Cell Graded(string code, string gradeId, bool solution, bool grade, bool locked, int? points = null)
    {
        var cell = Cell.CreateCode(code);
        var nbgrader = new JsonObject
        {
            ["grade"] = grade,
            ["grade_id"] = gradeId,
            ["locked"] = locked,
            ["schema_version"] = 3,
            ["solution"] = solution,
            ["task"] = false,
        };
        if (points is int p)
        {
            nbgrader["points"] = p;
        }

        cell.Metadata["nbgrader"] = nbgrader;
        return cell;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Course.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The tests are not inside the course repository (no Course.sln above them).");
    }
}
