using System.Text.Json.Serialization;
using Course.Grading.Results;
using Course.Notebooks.Model;

namespace Course.Autograder.Preparation;

/// <summary>One notebook of a submission, ready to run or with the reason it cannot be.</summary>
/// <param name="Name">The module notebook's file name.</param>
/// <param name="Status">Why it cannot run (missing, unreadable, empty, from another module), else <see cref="Ready"/>.</param>
/// <param name="Problems">Student-facing lines: why it cannot run, or the locked cells that were restored.</param>
/// <param name="Tampered">Whether a locked cell had to be restored.</param>
public sealed record PreparedNotebook(string Name, NotebookStatus Status, IReadOnlyList<string> Problems, bool Tampered)
{
    /// <summary>The status of a notebook that can run.</summary>
    public const NotebookStatus Ready = NotebookStatus.Ready;

    /// <summary>
    /// Student-facing lines that are no problem (they change no status): that a renamed copy was graded as this
    /// notebook (<c>03-dataloader (1).ipynb</c>).
    /// </summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The notebook with its locked cells restored; null unless <see cref="Status"/> is <see cref="Ready"/>.</summary>
    [JsonIgnore]
    public Notebook? Notebook { get; init; }
}
