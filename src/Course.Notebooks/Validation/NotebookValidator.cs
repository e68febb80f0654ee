using System.Globalization;
using Course.Notebooks.Authoring;
using Course.Notebooks.Execution;
using Course.Notebooks.Format;
using Course.Notebooks.Model;
using Course.Notebooks.Validation.Rules;

namespace Course.Notebooks.Validation;

/// <summary>
/// Proves notebooks work before students see them, in every kernel given: a source must release cleanly and run
/// clean with every check passing; a student notebook must be exactly the current release of its source, compile
/// everywhere, and fail every check as "not implemented". The rules are small named steps (<see cref="DefaultRules"/>).
/// </summary>
/// <param name="executors">The kernels to run each notebook in, in order (the kit's engine, the real kernel, or both).</param>
/// <param name="notebookTimeout">How long one notebook may take in one kernel; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
/// <param name="rules">The rules; null for <see cref="DefaultRules"/>.</param>
public sealed class NotebookValidator(IReadOnlyList<INotebookExecutor> executors, TimeSpan notebookTimeout, IReadOnlyList<IValidationRule>? rules = null)
{
    /// <summary>The rules, in the order their findings are reported.</summary>
    public static IReadOnlyList<IValidationRule> DefaultRules { get; } =
    [
        new IsCurrentRelease(), new ConformsToPolyglot(), new CellsAreCSharp(), new ReleasesCleanly(), new HoldsNoMarkers(),
        new RunsClean(), new ChecksPass(), new StudentCellsCompile(), new ChecksNotImplemented(), new StubConsequences(),
    ];

    private readonly IReadOnlyList<IValidationRule> _rules = rules ?? DefaultRules;

    /// <summary>Validates an instructor source.</summary>
    /// <param name="path">The notebook.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The verdict, with the source's release text.</returns>
    public async Task<NotebookValidation> ValidateSourceAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Read(path) is not (Notebook notebook, null))
        {
            return Unreadable(path);
        }

        string? released = null, releaseError = null;
        try
        {
            released = ReleasePipeline.Default.Release(notebook).Serialize();
        }
        catch (ReleaseException error)
        {
            releaseError = error.CellNumber is int cell ? $"cell {cell}{(error.CellName is null ? string.Empty : $" ({error.CellName})")}: {error.Reason}" : error.Reason;
        }

        var subject = new ValidationSubject(path, NotebookRole.Source, notebook, await RunAsync(notebook, path, cancellationToken).ConfigureAwait(false))
        {
            ReleasedText = released,
            ReleaseError = releaseError,
        };
        return Judge(subject, (graded, checks) => $"runs clean; {graded} graded cell{Plural(graded)}, {checks} check{Plural(checks)} passed") with { ReleasedText = released };
    }

    /// <summary>Validates a student notebook against a fresh release of its source.</summary>
    /// <param name="path">The student notebook (it may be missing: that is a problem to report).</param>
    /// <param name="sourcePath">Its instructor source, or null when there is none.</param>
    /// <param name="releasedText">A fresh release of that source, or null when it could not be released.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The verdict.</returns>
    public async Task<NotebookValidation> ValidateStudentAsync(string path, string? sourcePath, string? releasedText, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            return new NotebookValidation(path, [$"missing: there is no student version of {sourcePath}; run `course release`"], [], string.Empty);
        }

        if (Read(path) is not (Notebook notebook, null))
        {
            return Unreadable(path);
        }

        var subject = new ValidationSubject(path, NotebookRole.Student, notebook, await RunAsync(notebook, path, cancellationToken).ConfigureAwait(false))
        {
            SourcePath = sourcePath,
            ReleasedText = releasedText,
            FileBytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false),
        };
        return Judge(subject, (graded, checks) => $"up to date, compiles; {graded} graded cell{Plural(graded)}, {checks} check{Plural(checks)} not implemented");
    }

    private NotebookValidation Judge(ValidationSubject subject, Func<int, int, string> summary)
    {
        var findings = _rules.Where(rule => rule.AppliesTo(subject.Role)).SelectMany(rule => rule.Check(subject)).ToArray();
        IReadOnlyList<string> problems = Merge(findings.Where(f => !f.IsNote), subject.Runs.Count);
        IReadOnlyList<string> notes = Merge(findings.Where(f => f.IsNote), subject.Runs.Count);
        int graded = subject.GradedCells().Count();
        int checks = subject.Runs.Count == 0 ? 0 : subject.GradedCells()
            .Sum(g => CheckReportText.Parse(subject.Runs[0].Cells.FirstOrDefault(c => c.Number == g.Number)?.ResultText)?.Count ?? 0);
        string kernels = string.Join(", ", subject.Runs.Select(run => Name(run.Kernel)));
        double seconds = subject.Runs.Sum(run => run.Elapsed.TotalSeconds);
        return new NotebookValidation(subject.Path, problems, notes,
            $"{summary(graded, checks)} ({kernels}; {seconds.ToString("0.0", CultureInfo.InvariantCulture)} s)");
    }

    /// <summary>
    /// A finding every kernel showed is reported once, as is; one that only some kernels showed names them, so an
    /// instructor sees at once that a notebook breaks in the real kernel and not in the kit's (or the other way).
    /// </summary>
    private static IReadOnlyList<string> Merge(IEnumerable<ValidationFinding> findings, int kernelCount)
    {
        var merged = new List<string>();
        foreach (var group in findings.GroupBy(f => f.Text))
        {
            var kernels = group.Where(f => f.Kernel is not null).Select(f => f.Kernel!.Value).Distinct().ToArray();
            merged.Add(kernels.Length == 0 || kernels.Length == kernelCount
                ? group.Key
                : $"[{string.Join(", ", kernels.Select(Name))}] {group.Key}");
        }

        return merged;
    }

    private async Task<IReadOnlyList<NotebookRecord>> RunAsync(Notebook notebook, string path, CancellationToken cancellationToken)
    {
        if (NotebookRunner.FindUnrunnableCells(notebook).Count > 0)
        {
            return [];
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        var runs = new List<NotebookRecord>();
        foreach (INotebookExecutor executor in executors)
        {
            runs.Add(await executor.RunAsync(notebook, folder, notebookTimeout, cancellationToken).ConfigureAwait(false));
        }

        return runs;
    }

    private static (Notebook? Notebook, string? Error) Read(string path)
    {
        try
        {
            return (IpynbReader.Read(path), null);
        }
        catch (NotebookFormatException error)
        {
            return (null, error.Reason);
        }
    }

    private static NotebookValidation Unreadable(string path) => new(path, [Read(path).Error ?? "unreadable"], [], string.Empty);

    /// <summary>The name a kernel goes by on the command line: <c>kit</c> or <c>dotnet-interactive</c>.</summary>
    /// <param name="kernel">The kernel.</param>
    /// <returns>Its name.</returns>
    public static string Name(ValidationKernel kernel) => kernel == ValidationKernel.Kit ? "kit" : "dotnet-interactive";

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}
