using Course.Notebooks.Model;

namespace Course.Notebooks.Execution;

/// <summary>A request to run code in a <see cref="NotebookSession"/>.</summary>
/// <param name="Code">The cell's text: C#, possibly with magic commands and <c>#r</c> directives.</param>
public sealed record CellSubmission(string Code)
{
    /// <summary>The cell's number in its notebook, used in error messages; null to use the execution count.</summary>
    public int? CellNumber { get; init; }

    /// <summary>
    /// Called with each output as it happens (console text in chunks, displays, updates, the result, errors),
    /// on the thread that produced it, so a kernel can stream them. Must be quick and thread-safe.
    /// </summary>
    public Action<Output>? OnOutput { get; init; }
}
