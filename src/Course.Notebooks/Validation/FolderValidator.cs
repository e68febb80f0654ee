namespace Course.Notebooks.Validation;

/// <summary>
/// Validates notebook folders with a <see cref="NotebookValidator"/>: each folder's sources first, then its student
/// notebooks, each against a fresh release of its source (made while the source was validated), reporting as it goes.
/// </summary>
/// <param name="validator">The rules and kernels.</param>
public sealed class FolderValidator(NotebookValidator validator)
{
    /// <summary>Validates the folders, in order.</summary>
    /// <param name="directories">Folders, each holding <c>source/</c>, <c>student/</c> or both.</param>
    /// <param name="log">A heading per folder, <c>[i/n] path</c> before each notebook, then its verdict (<see cref="NotebookValidation.ReportLines"/>).</param>
    /// <param name="errors">Folders that could not be validated.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>How many notebooks passed and failed.</returns>
    public async Task<FolderValidationResult> ValidateAsync(IReadOnlyList<string> directories, TextWriter log, TextWriter errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(errors);
        int passed = 0, failed = 0;
        bool badInput = false;
        foreach (string directory in directories)
        {
            ValidationFolder folder;
            try
            {
                folder = ValidationFolder.Find(directory);
            }
            catch (DirectoryNotFoundException error)
            {
                await errors.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
                badInput = true;
                continue;
            }

            await log.WriteLineAsync(folder.Heading).ConfigureAwait(false);
            int total = folder.Sources.Count + folder.Students.Count, position = 0;
            var releases = new Dictionary<string, (string Source, string? Text)>(StringComparer.Ordinal);
            var verdicts = new List<NotebookValidation>();
            foreach (string source in folder.Sources)
            {
                await log.WriteLineAsync($"[{++position}/{total}] {source}").ConfigureAwait(false);
                NotebookValidation verdict = await validator.ValidateSourceAsync(source, cancellationToken).ConfigureAwait(false);
                releases[Path.GetFileName(source)] = (source, verdict.ReleasedText);
                verdicts.Add(await ReportAsync(log, verdict).ConfigureAwait(false));
            }

            foreach (string student in folder.Students)
            {
                await log.WriteLineAsync($"[{++position}/{total}] {student}").ConfigureAwait(false);
                var release = releases.GetValueOrDefault(Path.GetFileName(student));
                verdicts.Add(await ReportAsync(log, await validator.ValidateStudentAsync(student, release.Source, release.Text, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false));
            }

            passed += verdicts.Count(v => v.Passed);
            failed += verdicts.Count(v => !v.Passed);
        }

        return new FolderValidationResult(passed, failed, badInput);
    }

    private static async Task<NotebookValidation> ReportAsync(TextWriter log, NotebookValidation verdict)
    {
        foreach (string line in verdict.ReportLines())
        {
            await log.WriteLineAsync(line).ConfigureAwait(false);
        }

        return verdict;
    }
}
