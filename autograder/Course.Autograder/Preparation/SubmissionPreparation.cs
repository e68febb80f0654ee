using System.Text.Json;
using Course.Grading.Results;
using Course.Notebooks.Authoring;
using Course.Notebooks.Files;
using Course.Notebooks.Format;
using Course.Notebooks.Model;

namespace Course.Autograder.Preparation;

/// <summary>
/// Turns a student's folder into a <see cref="PreparedSubmission"/>: finds each module notebook, says
/// why one cannot be graded (missing, not a notebook, empty, from another module) and restores locked
/// cells from the instructor's source. <c>course grade</c> does this in its own process and hands the
/// grading process only the result, so the solutions never enter the process that runs student code.
/// </summary>
public static class SubmissionPreparation
{
    /// <summary>The manifest's file name in a prepared folder.</summary>
    public const string ManifestFileName = "prepared.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Prepares <paramref name="submissionPath"/> (a folder of notebooks, or one notebook) in memory.</summary>
    /// <param name="module">The instructor's source notebooks.</param>
    /// <param name="submissionPath">The submission.</param>
    /// <returns>The prepared submission.</returns>
    public static PreparedSubmission Prepare(ModuleNotebooks module, string submissionPath)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrEmpty(submissionPath);
        return Prepare(module, SubmissionFiles.Read(submissionPath, module.Names));
    }

    /// <summary>
    /// Prepares a submission from its files as <see cref="SubmissionFiles.Read"/> read them. Nothing in those bytes
    /// makes this throw: a notebook that cannot be read is <see cref="NotebookStatus.Unreadable"/> with the
    /// reason, and the others are prepared as usual.
    /// </summary>
    /// <param name="module">The instructor's source notebooks.</param>
    /// <param name="files">The submission's notebooks.</param>
    /// <returns>The prepared submission.</returns>
    public static PreparedSubmission Prepare(ModuleNotebooks module, SubmissionFiles files)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(files);
        // A notebook is recognised by the grade_ids only it has: every notebook shares "setup".
        var idsOf = module.Sources.ToDictionary(s => s.Name, s => ModuleNotebooks.AllGradeIds(s.Source));
        // A single notebook file is graded as that notebook alone; a folder, as the whole module.
        var sources = files.SingleNotebook ? module.Sources.Where(s => files.Notebooks.Any(f => f.Name == s.Name)) : module.Sources;
        var notebooks = sources.Select(s =>
        {
            var own = idsOf[s.Name].Where(id => idsOf.All(o => o.Key == s.Name || !o.Value.Contains(id))).ToHashSet();
            var file = files.Notebooks.FirstOrDefault(f => f.Name == s.Name) ?? SubmittedFile.Missing(s.Name);
            return PrepareOne(file, s.Source, own.Count > 0 ? own : idsOf[s.Name]);
        }).ToArray();
        var gradeIds = module.Sources.SelectMany(s => ModuleNotebooks.GradedCells(s.Source)).Distinct()
            .ToDictionary(id => id, id => module.NotebookOf(id)!, StringComparer.Ordinal);
        return new PreparedSubmission(SubmissionGrader.StudentIdOf(files.Path), notebooks, gradeIds);
    }

    /// <summary>Prepares a submission into <paramref name="intoDirectory"/>: the restored notebooks and a manifest.</summary>
    /// <param name="module">The instructor's source notebooks.</param>
    /// <param name="submissionPath">The submission.</param>
    /// <param name="intoDirectory">An empty or new folder; earlier contents are replaced.</param>
    /// <returns>The prepared submission.</returns>
    public static PreparedSubmission Prepare(ModuleNotebooks module, string submissionPath, string intoDirectory)
    {
        var prepared = Prepare(module, submissionPath);
        Write(prepared, intoDirectory);
        return prepared;
    }

    /// <summary>Writes a prepared submission into <paramref name="directory"/>.</summary>
    /// <param name="prepared">The prepared submission.</param>
    /// <param name="directory">The folder; earlier notebooks and manifest in it are replaced.</param>
    public static void Write(PreparedSubmission prepared, string directory)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        foreach (var notebook in prepared.Notebooks.Where(n => n.Notebook is not null))
        {
            IpynbWriter.Write(notebook.Notebook!, Path.Combine(directory, notebook.Name));
        }

        AtomicFile.WriteAllText(Path.Combine(directory, ManifestFileName), JsonSerializer.Serialize(prepared, Json));
    }

    /// <summary>Reads a folder written by <see cref="Write"/>.</summary>
    /// <param name="directory">The prepared folder.</param>
    /// <returns>The prepared submission, its ready notebooks loaded.</returns>
    /// <exception cref="InvalidDataException">The folder has no manifest, or a ready notebook is missing or unreadable.</exception>
    public static PreparedSubmission Read(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string manifest = Path.Combine(directory, ManifestFileName);
        if (!File.Exists(manifest))
        {
            throw new InvalidDataException($"'{Path.GetFullPath(directory)}' is not a prepared submission: it has no {ManifestFileName}.");
        }

        var prepared = JsonSerializer.Deserialize<PreparedSubmission>(File.ReadAllText(manifest))
            ?? throw new InvalidDataException($"{manifest} is empty.");
        var notebooks = prepared.Notebooks.Select(n => n.Status != PreparedNotebook.Ready ? n : n with
        {
            Notebook = File.Exists(Path.Combine(directory, n.Name))
                ? NotebookFile.Load(Path.Combine(directory, n.Name))
                : throw new InvalidDataException($"The prepared submission in '{directory}' says {n.Name} is ready, but the file is not there."),
        }).ToArray();
        return prepared with { Notebooks = notebooks };
    }

    private static PreparedNotebook PrepareOne(SubmittedFile file, Notebook source, IReadOnlySet<string> ownGradeIds)
    {
        var prepared = PrepareFile(file, source, ownGradeIds);
        return file.SubmittedAs is { } renamed ? prepared with { Notes = [$"{Printable(renamed)} was graded as {file.Name}."] } : prepared;
    }

    private static PreparedNotebook PrepareFile(SubmittedFile file, Notebook source, IReadOnlySet<string> ownGradeIds)
    {
        string name = file.Name;
        switch (file.Status)
        {
            case SubmittedFileStatus.Missing:
                return new PreparedNotebook(name, NotebookStatus.Missing, [$"{name} was not in the submission.{DidYouMean(file)}"], false);
            case SubmittedFileStatus.Refused:
                return Unreadable(name, file.Reason ?? "it was not read");
        }

        Notebook submitted;
        try
        {
            submitted = NotebookFile.Parse(name, file.Content);
        }
        catch (NotebookFormatException e)
        {
            // The reason without the file (the line names the notebook): "cell 3: 'source' must be ...".
            return Unreadable(name, e.CellNumber is int cell ? $"cell {cell}: {e.Reason}" : e.Reason);
        }

        // Read leniently, a grade_id that is a number would be no grade_id: the cell would be taken for another.
        for (int i = 0; i < submitted.Cells.Count; i++)
        {
            if (NbgraderMetadata.TypeProblem(submitted.Cells[i]) is string problem)
            {
                return Unreadable(name, $"cell {i + 1}: {problem}");
            }
        }

        if (submitted.Cells.Count == 0)
        {
            return new PreparedNotebook(name, NotebookStatus.Empty, [$"{name} has no cells."], false);
        }

        if (!ModuleNotebooks.AllGradeIds(submitted).Overlaps(ownGradeIds))
        {
            return new PreparedNotebook(name, NotebookStatus.FromAnotherModule, [$"{name} has none of this notebook's cells: is it a notebook from another module?"], false);
        }

        var restored = LockedCells.Restore(submitted, source);
        return new PreparedNotebook(name, PreparedNotebook.Ready, [.. restored.Tampering.Select(t => $"{name}: {t}")], restored.Tampering.Count > 0)
        {
            Notebook = restored.Notebook,
        };
    }

    // The names are the student's: shown, they must not break the line they are on.
    private static string DidYouMean(SubmittedFile file) => file.Suggestions switch
    {
        [] => "",
        [var one] => $" It has {Printable(one)}: if that is this notebook, rename it {file.Name}.",
        var several => $" It has {string.Join(" and ", several.Select(Printable))}: keep the one that is this notebook and rename it {file.Name}.",
    };

    private static string Printable(string name) => string.Concat(name.Select(c => char.IsControl(c) ? '?' : c));

    private static PreparedNotebook Unreadable(string name, string reason) =>
        new(name, NotebookStatus.Unreadable, [$"{name} is not a readable notebook: {reason}"], false);
}
