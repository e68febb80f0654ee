using Course.Notebooks.Model;

namespace Course.Notebooks.Authoring;

/// <summary>
/// Puts the instructor's locked cells (read-only cells and autograder tests, by nbgrader's rule
/// <see cref="NbgraderMetadata.IsLocked"/>) back into a submission before grading, as nbgrader's autograde does,
/// and reports which ones the student had changed. Grading never trusts a submitted locked cell: even an untouched
/// one is replaced, by the source's version, hidden tests included.
/// </summary>
/// <remarks>
/// <para>A source cell is matched in the submission by its grade_id, else by its cell id (a release keeps cell ids).
/// It counts as <see cref="TamperingKind.Edited"/> when the submitted cell differs from what the release gave the
/// student (the source cell without its hidden tests): source text, cell type, nbgrader grade_id, flags or points, or
/// a stored checksum that is not the released one. A missing cell is <see cref="TamperingKind.Deleted"/> and is
/// re-inserted after the submission's copy of the nearest earlier source cell (else before the nearest later one).
/// Extra copies of a locked cell are removed (<see cref="TamperingKind.Duplicated"/>), so a copied and edited check
/// cell cannot run in its place.</para>
/// <para>The restored cells have no outputs. Cells that are not locked (solutions, the student's own cells) are left
/// as submitted.</para>
/// </remarks>
public static class LockedCells
{
    /// <summary>Returns the submission with every locked cell of the source restored, and what had been tampered with.</summary>
    /// <param name="submission">The student's notebook (not modified).</param>
    /// <param name="source">The instructor source the assignment was released from (or the released notebook itself).</param>
    /// <returns>The restored notebook and the tampering found.</returns>
    /// <exception cref="ArgumentException">A locked source cell has neither grade_id nor id, or malformed hidden-test markers.</exception>
    public static LockedCellRestoration Restore(Notebook submission, Notebook source)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(source);
        Notebook restored = submission.Clone();
        var tampering = new List<LockedCellTampering>();
        for (int i = 0; i < source.Cells.Count; i++)
        {
            Cell sourceCell = source.Cells[i];
            if (NbgraderMetadata.Read(sourceCell) is not { IsLocked: true } metadata)
            {
                continue;
            }

            int cellNumber = i + 1;
            string name = metadata.GradeId ?? sourceCell.Id
                ?? throw new ArgumentException($"Cell {cellNumber} of the source is locked but has neither a grade_id nor an id, so it cannot be matched in a submission.", nameof(source));
            Cell replacement = Replacement(sourceCell);
            List<int> matches = Matches(restored, sourceCell);
            if (matches.Count == 0)
            {
                restored.Cells.Insert(InsertionPoint(restored, source, i), replacement);
                tampering.Add(new LockedCellTampering(name, cellNumber, TamperingKind.Deleted, "the cell was missing; re-inserted where the source has it"));
                continue;
            }

            // The instructor's own cell (hidden tests and all) is not tampering either: grading the
            // sources themselves, as the tests of the kit do, must come out clean.
            if (Differences(restored.Cells[matches[0]], Released(sourceCell, cellNumber)) is string edits
                && Differences(restored.Cells[matches[0]], sourceCell) is not null)
            {
                tampering.Add(new LockedCellTampering(name, cellNumber, TamperingKind.Edited, edits));
            }

            restored.Cells[matches[0]] = replacement;
            for (int m = matches.Count - 1; m >= 1; m--)
            {
                restored.Cells.RemoveAt(matches[m]);
            }

            if (matches.Count > 1)
            {
                int extra = matches.Count - 1;
                tampering.Add(new LockedCellTampering(name, cellNumber, TamperingKind.Duplicated,
                    $"{extra} extra cop{(extra == 1 ? "y" : "ies")} removed"));
            }
        }

        return new LockedCellRestoration(restored, tampering);
    }

    /// <summary>The locked cells a submission edited, deleted or duplicated, without changing anything.</summary>
    /// <param name="submission">The student's notebook.</param>
    /// <param name="source">The instructor source (or the released notebook).</param>
    /// <returns>The tampering found; empty when every locked cell is as released.</returns>
    /// <exception cref="ArgumentException">A locked source cell has neither grade_id nor id, or malformed hidden-test markers.</exception>
    public static IReadOnlyList<LockedCellTampering> Verify(Notebook submission, Notebook source) =>
        Restore(submission, source).Tampering;

    /// <summary>The source cell as grading runs it: the instructor's text, no outputs.</summary>
    private static Cell Replacement(Cell sourceCell)
    {
        Cell copy = sourceCell.Clone();
        if (copy.Kind == CellKind.Code)
        {
            copy.SetOutputs([]);
            copy.ExecutionCount = null;
        }

        return copy;
    }

    /// <summary>The source cell as the student received it: hidden tests removed, checksum stored.</summary>
    private static Cell Released(Cell sourceCell, int cellNumber)
    {
        Cell copy = sourceCell.Clone();
        (string text, _) = RemoveHiddenTests.Strip(copy, reason => new ArgumentException($"Cell {cellNumber} of the source: {reason}", "source"));
        copy.Source = text;
        ComputeChecksums.Store(copy);
        return copy;
    }

    /// <summary>What differs between a submitted locked cell and the released one, or null when nothing does.</summary>
    private static string? Differences(Cell submitted, Cell released)
    {
        var differences = new List<string>();
        if (submitted.Kind != released.Kind)
        {
            differences.Add($"cell type changed to {CellChecksum.TypeName(submitted.Kind)}");
        }

        if (!string.Equals(submitted.Source, released.Source, StringComparison.Ordinal))
        {
            differences.Add("source edited");
        }

        NbgraderMetadata expected = NbgraderMetadata.Read(released)!;
        if (NbgraderMetadata.Read(submitted) is not { } actual)
        {
            differences.Add("nbgrader metadata removed");
        }
        else
        {
            if (actual.GradeId != expected.GradeId || actual.Grade != expected.Grade || actual.Solution != expected.Solution
                || actual.IsLocked != expected.IsLocked || (expected.Grade && actual.Points != expected.Points))
            {
                differences.Add("nbgrader metadata changed");
            }

            if (actual.Checksum is string stored && !string.Equals(stored, expected.Checksum, StringComparison.Ordinal))
            {
                differences.Add("checksum mismatch");
            }
        }

        return differences.Count == 0 ? null : string.Join("; ", differences);
    }

    /// <summary>The positions of a source cell's copies in a notebook: by grade_id, else by cell id.</summary>
    private static List<int> Matches(Notebook notebook, Cell sourceCell)
    {
        string? gradeId = NbgraderMetadata.Read(sourceCell)?.GradeId;
        var matches = new List<int>();
        if (gradeId is not null)
        {
            for (int i = 0; i < notebook.Cells.Count; i++)
            {
                if (NbgraderMetadata.Read(notebook.Cells[i])?.GradeId == gradeId)
                {
                    matches.Add(i);
                }
            }
        }

        if (matches.Count == 0 && sourceCell.Id is string id)
        {
            for (int i = 0; i < notebook.Cells.Count; i++)
            {
                if (notebook.Cells[i].Id == id)
                {
                    matches.Add(i);
                }
            }
        }

        return matches;
    }

    /// <summary>Where a deleted cell goes back: after the nearest earlier source cell the notebook still has, else before the nearest later one.</summary>
    private static int InsertionPoint(Notebook notebook, Notebook source, int sourceIndex)
    {
        for (int j = sourceIndex - 1; j >= 0; j--)
        {
            if (Matches(notebook, source.Cells[j]) is [int before, ..])
            {
                return before + 1;
            }
        }

        for (int j = sourceIndex + 1; j < source.Cells.Count; j++)
        {
            if (Matches(notebook, source.Cells[j]) is [int after, ..])
            {
                return after;
            }
        }

        return notebook.Cells.Count;
    }
}
