using Course.Grading.Results;

namespace Course.Grading.Output;

/// <summary>
/// A notebook's status as a sentence for students: the status words are the gradebook's (<c>missing notebooks</c> is
/// the status of a submission), and put into a template they read as broken English ("Notebook missing notebooks.").
/// </summary>
public static class NotebookStatusText
{
    /// <summary>What happened to a notebook that did not run, as a clause after its name: "was not in the submission".</summary>
    /// <param name="status">The notebook's status (<see cref="NotebookOutcome.Status"/>).</param>
    /// <returns>The clause, or null for a notebook that ran.</returns>
    public static string? Clause(NotebookStatus status) => status switch
    {
        NotebookStatus.Ran => null,
        NotebookStatus.Missing => "was not in the submission",
        NotebookStatus.Unreadable => "could not be read as a notebook",
        NotebookStatus.Empty => "has no cells",
        NotebookStatus.FromAnotherModule => "holds none of this notebook's cells (is it from another module?)",
        NotebookStatus.NotFinished => "did not finish: grading stopped before its checks ran",
        _ => $"was not graded ({StatusWords.Of(status)})",
    };

    /// <summary>The sentence for a notebook that did not run: "Not graded: 03-dataloader.ipynb was not in the submission.".</summary>
    /// <param name="notebook">The notebook.</param>
    /// <returns>The sentence, or null for a notebook that ran.</returns>
    public static string? Sentence(NotebookOutcome notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return Clause(notebook.Status) is { } clause ? $"Not graded: {notebook.Name} {clause}." : null;
    }
}
