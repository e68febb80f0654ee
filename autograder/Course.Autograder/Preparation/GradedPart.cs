using System.Text.Json.Nodes;
using Course.Notebooks.Model;

namespace Course.Autograder.Preparation;

/// <summary>
/// The cells grading runs: those nbgrader knows (setup and other read-only cells, solutions, checks).
/// Demonstrations and charts carry no nbgrader metadata and are left out: they grade nothing and would only
/// cost time. A cell that exercises depend on must therefore be marked read-only.
/// </summary>
public static class GradedPart
{
    /// <summary>A copy of <paramref name="notebook"/> whose other code cells are marked Markdown (kept, so cell numbers in feedback match the notebook).</summary>
    /// <param name="notebook">A notebook, its locked cells restored.</param>
    /// <returns>The copy.</returns>
    public static Notebook Of(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var part = notebook.Clone();
        foreach (var cell in part.Cells.Where(c => c.Kind == CellKind.Code && c.Metadata["nbgrader"] is null))
        {
            cell.Metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = "markdown" };
            cell.Metadata.Remove("dotnet_interactive");
        }

        return part;
    }
}
