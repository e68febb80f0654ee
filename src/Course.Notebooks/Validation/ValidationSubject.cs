using Course.Notebooks.Authoring;
using Course.Notebooks.Model;

namespace Course.Notebooks.Validation;

/// <summary>Everything the validation rules look at for one notebook.</summary>
/// <param name="Path">The notebook's file.</param>
/// <param name="Role">Source or student.</param>
/// <param name="Notebook">Its content.</param>
/// <param name="Runs">One run per kernel it was validated in (empty when it could not be run).</param>
public sealed record ValidationSubject(string Path, NotebookRole Role, Notebook Notebook, IReadOnlyList<NotebookRecord> Runs)
{
    /// <summary>For a source: its release as text, or null when it cannot be released. For a student notebook: a fresh release of its source.</summary>
    public string? ReleasedText { get; init; }

    /// <summary>For a source that cannot be released: why.</summary>
    public string? ReleaseError { get; init; }

    /// <summary>For a student notebook: the source it must be the release of, or null when there is none.</summary>
    public string? SourcePath { get; init; }

    /// <summary>For a student notebook: the file's bytes, to compare with <see cref="ReleasedText"/>.</summary>
    public byte[]? FileBytes { get; init; }

    /// <summary>The graded (autograder-test) cells: their numbers and grade_ids.</summary>
    public IEnumerable<(int Number, string Name)> GradedCells() =>
        Notebook.Cells
            .Select((cell, index) => (Cell: cell, Number: index + 1, Metadata: NbgraderMetadata.Read(cell)))
            .Where(c => c.Metadata is { Grade: true, Solution: false })
            .Select(c => (c.Number, c.Metadata!.GradeId ?? c.Cell.Id ?? "no grade_id"));

    /// <summary>Whether an exception's first line is a stub's (a <c>NotImplementedException</c>, or a wrapper carrying its message).</summary>
    /// <param name="headline">The exception's <c>Type: message</c> line.</param>
    /// <returns>True for a stub.</returns>
    public static bool IsStub(string? headline) =>
        headline is not null
        && (headline.StartsWith(typeof(NotImplementedException).FullName + ":", StringComparison.Ordinal)
            || headline.Contains(ClearSolutions.NotImplementedPhrase, StringComparison.Ordinal));
}
