using System.Collections;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Course.Notebooks.Authoring;
using Course.Notebooks.Execution;
using Course.Notebooks.Format;
using Course.Notebooks.Model;
using Course.Specs.Core;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course validate</c>: proves the course's notebooks work before students see them. Each instructor source
/// (<c>DIR/source/*.ipynb</c>) must release cleanly and run clean with every check passing; each student notebook
/// (<c>DIR/student/*.ipynb</c>) must be exactly the current release of its source, conform to Polyglot, compile
/// everywhere, and fail every check of every exercise as "not implemented" (so no exercise passes before the
/// student has done it, and no student meets a compile error they did not cause).
/// </summary>
/// <remarks>
/// <para>A graded cell (<c>metadata.nbgrader.grade</c> true, not a solution) is judged by the value of its trailing
/// expression: a <see cref="CheckReport"/> must have all results <see cref="CheckStatus.Passed"/> in a source and all
/// <see cref="CheckStatus.NotImplemented"/> in a student notebook. A graded cell that returns no report (plain test
/// code) must run clean in a source and throw the stub's <see cref="NotImplementedException"/> in a student notebook.</para>
/// <para>In a student notebook no cell may fail to compile or time out. A cell may throw the stubs'
/// <see cref="NotImplementedException"/> (directly, or wrapped by a loader whose message carries the stub's); another
/// exception in an ordinary cell (a demo using a value an unfinished exercise never made) is printed as a note under
/// the PASS line, and fails the notebook only in a graded cell. A graded cell left with comments only (all its checks
/// were hidden) checks nothing and is accepted. Notebooks run one at a time, each within the per-notebook timeout.</para>
/// <para>Exit codes: 0 every notebook passed; 1 a notebook failed; 2 a folder had no notebooks, or the arguments were wrong.</para>
/// </remarks>
public static class ValidateCommand
{
    /// <summary>The exit code when every notebook passed.</summary>
    public const int ExitPassed = 0;

    /// <summary>The exit code when at least one notebook failed.</summary>
    public const int ExitFailed = 1;

    /// <summary>The exit code when a folder could not be validated at all.</summary>
    public const int ExitBadInput = 2;

    /// <summary>The default notebooks folder, relative to the current directory.</summary>
    public const string DefaultDirectory = "notebooks";

    private static readonly System.Text.UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The default time one notebook may take in all.</summary>
    public static TimeSpan DefaultNotebookTimeout { get; } = TimeSpan.FromMinutes(10);

    /// <summary>Builds the <c>validate</c> command.</summary>
    /// <returns>The command, ready to add to the root command.</returns>
    public static Command Create()
    {
        var directories = new Argument<string[]>("DIR")
        {
            Description = $"Notebook folders holding source/ and student/ (default: {DefaultDirectory}).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds one notebook may run in all before it fails; 0 for no limit.",
            DefaultValueFactory = _ => DefaultNotebookTimeout.TotalSeconds,
            HelpName = "SECONDS",
        };
        var command = new Command("validate", "Check that sources pass every check, student notebooks are current and fail every check as not implemented.")
        {
            directories, timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            double seconds = parse.GetValue(timeout);
            if (seconds < 0 || double.IsNaN(seconds) || seconds > int.MaxValue / 1000.0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(
                    $"course validate: --timeout must be 0 (no limit) or a positive number of seconds, but was {seconds.ToString(CultureInfo.InvariantCulture)}.").ConfigureAwait(false);
                return ExitBadInput;
            }

            var options = new ValidateOptions(parse.GetValue(directories) ?? [], seconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds));
            return await RunAsync(options, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Validates the notebooks of each folder.</summary>
    /// <param name="options">What to validate.</param>
    /// <param name="stdout">Progress, one PASS or FAIL line per notebook (then its problems when there are several), and <c>N passed, M failed</c>.</param>
    /// <param name="stderr">Folders that could not be validated.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The exit code (see the class remarks).</returns>
    public static async Task<int> RunAsync(ValidateOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        IReadOnlyList<string> directories = options.Directories.Count > 0 ? options.Directories : [DefaultDirectory];
        int passed = 0, failed = 0;
        bool badInput = false;
        foreach (string directory in directories)
        {
            string sourceFolder = Path.Combine(directory, "source");
            string studentFolder = Path.Combine(directory, "student");
            if (!Directory.Exists(sourceFolder) && !Directory.Exists(studentFolder))
            {
                await stderr.WriteLineAsync($"error: {directory}: no source/ or student/ folder to validate").ConfigureAwait(false);
                badInput = true;
                continue;
            }

            string[] sources = Notebooks(sourceFolder);
            string[] students = Notebooks(studentFolder);
            string[] studentTargets = students
                .Concat(sources.Select(source => Path.Combine(studentFolder, Path.GetFileName(source))))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            int total = sources.Length + studentTargets.Length;
            await stdout.WriteLineAsync($"{directory}: {sources.Length} source notebook{Plural(sources.Length)}, {students.Length} student notebook{Plural(students.Length)}").ConfigureAwait(false);

            var releases = new Dictionary<string, (string? Source, string? Text)>(StringComparer.Ordinal);
            int position = 0;
            foreach (string source in sources)
            {
                await stdout.WriteLineAsync($"[{++position}/{total}] {source}").ConfigureAwait(false);
                Verdict verdict = await ValidateSourceAsync(source, options.NotebookTimeout, cancellationToken).ConfigureAwait(false);
                releases[Path.GetFileName(source)] = (source, verdict.ReleasedText);
                await Report(stdout, source, verdict).ConfigureAwait(false);
                _ = verdict.Passed ? passed++ : failed++;
            }

            foreach (string student in studentTargets)
            {
                await stdout.WriteLineAsync($"[{++position}/{total}] {student}").ConfigureAwait(false);
                Verdict verdict = await ValidateStudentAsync(student, releases.GetValueOrDefault(Path.GetFileName(student)), sourceFolder, options.NotebookTimeout, cancellationToken).ConfigureAwait(false);
                await Report(stdout, student, verdict).ConfigureAwait(false);
                _ = verdict.Passed ? passed++ : failed++;
            }
        }

        await stdout.WriteLineAsync($"{passed} passed, {failed} failed").ConfigureAwait(false);
        return badInput ? ExitBadInput : failed > 0 ? ExitFailed : ExitPassed;
    }

    private static async Task<Verdict> ValidateSourceAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        Notebook notebook;
        try
        {
            notebook = IpynbReader.Read(path);
        }
        catch (NotebookFormatException error)
        {
            return Verdict.Failed([error.Reason]);
        }

        problems.AddRange(PolyglotConformance.Problems(notebook));
        string? released = null;
        try
        {
            released = ReleasePipeline.Default.Release(notebook).Serialize();
        }
        catch (ReleaseException error)
        {
            problems.Add("cannot be released: " + WithoutFile(error));
        }

        (NotebookRunResult? run, TimeSpan elapsed) = await RunAsync(notebook, path, timeout, problems, cancellationToken).ConfigureAwait(false);
        int graded = 0, checks = 0;
        if (run is not null)
        {
            foreach (CellRunResult cell in run.Cells.Where(cell => cell.Outcome != CellOutcome.Passed))
            {
                problems.Add(cell.Outcome == CellOutcome.Skipped
                    ? $"cell {cell.CellNumber}: not run (an earlier cell was stopped)"
                    : $"cell {cell.CellNumber}: {WithoutCellPrefix(cell.FailureReason, cell.CellNumber)}");
            }

            foreach ((int number, string name, CellRunResult result) in GradedCells(notebook, run))
            {
                graded++;
                IReadOnlyList<CheckView>? report = ReadReport(result.Execution);
                if (report is null)
                {
                    continue; // A plain test cell: passing means it ran clean, which the loop above checked.
                }

                if (report.Count == 0)
                {
                    problems.Add($"cell {number} ({name}): the check report is empty, so nothing was checked");
                }

                checks += report.Count;
                problems.AddRange(report.Where(check => check.Status != nameof(CheckStatus.Passed))
                    .Select(check => $"cell {number} ({name}): check {check.Id} {check.Status}: {check.Message}"));
            }
        }

        return problems.Count > 0
            ? Verdict.Failed(problems, released)
            : new Verdict(true, [], $"runs clean; {graded} graded cell{Plural(graded)}, {checks} check{Plural(checks)} passed ({Seconds(elapsed)})", released);
    }

    private static async Task<Verdict> ValidateStudentAsync(string path, (string? Source, string? Text) release, string sourceFolder, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return Verdict.Failed([$"missing: there is no student version of {release.Source}; run `course release`"]);
        }

        var problems = new List<string>();
        Notebook notebook;
        try
        {
            notebook = IpynbReader.Read(path);
        }
        catch (NotebookFormatException error)
        {
            return Verdict.Failed([error.Reason]);
        }

        if (release.Source is null)
        {
            problems.Add($"no instructor source {Path.Combine(sourceFolder, Path.GetFileName(path))}: a student notebook must be released from one");
        }
        else if (release.Text is not null && !(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)).AsSpan().SequenceEqual(Utf8NoBom.GetBytes(release.Text)))
        {
            problems.Add($"stale: differs from a fresh release of {release.Source}; run `course release`");
        }

        problems.AddRange(PolyglotConformance.Problems(notebook));
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            string text = notebook.Cells[i].Source;
            if (text.Contains("BEGIN SOLUTION", StringComparison.Ordinal) || text.Contains("BEGIN HIDDEN TESTS", StringComparison.Ordinal))
            {
                problems.Add($"cell {i + 1}: still holds solution or hidden-test markers");
            }
        }

        (NotebookRunResult? run, TimeSpan elapsed) = await RunAsync(notebook, path, timeout, problems, cancellationToken).ConfigureAwait(false);
        int graded = 0, checks = 0;
        var notes = new List<string>();
        if (run is not null)
        {
            var gradedNumbers = GradedCells(notebook, run).Select(cell => cell.Number).ToHashSet();
            foreach (CellRunResult cell in run.Cells)
            {
                if (StudentCellProblem(cell) is string problem)
                {
                    problems.Add($"cell {cell.CellNumber}: {problem}");
                }
                else if (CascadeNote(cell) is string note)
                {
                    (gradedNumbers.Contains(cell.CellNumber) ? problems : notes).Add($"cell {cell.CellNumber}: {note}");
                }
            }

            foreach ((int number, string name, CellRunResult result) in GradedCells(notebook, run))
            {
                graded++;
                IReadOnlyList<CheckView>? report = ReadReport(result.Execution);
                if (report is null)
                {
                    // A cell whose checks were all hidden is left with comments only: it checks nothing students run.
                    if (result.Outcome == CellOutcome.Passed && !IsCommentsOnly(notebook.Cells[number - 1].Source))
                    {
                        problems.Add($"cell {number} ({name}): the test cell passes before the exercise is done; does a solution region cover the exercise?");
                    }

                    continue;
                }

                if (report.Count == 0)
                {
                    problems.Add($"cell {number} ({name}): the check report is empty, so nothing was checked");
                }

                checks += report.Count;
                foreach (CheckView check in report.Where(check => check.Status != nameof(CheckStatus.NotImplemented)))
                {
                    problems.Add(check.Status == nameof(CheckStatus.Passed)
                        ? $"cell {number} ({name}): check {check.Id} passes before the exercise is done; does a solution region cover the exercise?"
                        : $"cell {number} ({name}): check {check.Id} is {check.Status}, not NotImplemented: {check.Message}");
                }
            }
        }

        return problems.Count > 0
            ? Verdict.Failed(problems)
            : new Verdict(true, [], $"up to date, compiles; {graded} graded cell{Plural(graded)}, {checks} check{Plural(checks)} not implemented ({Seconds(elapsed)})", null) { Notes = notes };
    }

    /// <summary>
    /// Why a student notebook's cell failed in a way a fresh student notebook must not (a compile error, a timeout),
    /// or null. Exceptions are judged separately: see <see cref="CascadeNote"/>.
    /// </summary>
    private static string? StudentCellProblem(CellRunResult cell)
    {
        if (cell.Outcome == CellOutcome.Passed)
        {
            return null;
        }

        if (cell.Outcome == CellOutcome.Skipped || cell.Execution is null)
        {
            return cell.Outcome == CellOutcome.Skipped ? "not run (an earlier cell was stopped)" : cell.FailureReason;
        }

        string reason = WithoutCellPrefix(cell.FailureReason, cell.CellNumber);
        return cell.Execution.Status switch
        {
            ExecutionStatus.CompilationFailed => "does not compile: " + reason,
            ExecutionStatus.Threw => null,
            _ => reason,
        };
    }

    /// <summary>
    /// For a cell that threw something other than a stub's <see cref="NotImplementedException"/>: a note saying so, or
    /// null. The source ran clean, so such an exception follows from a stub (a demo cell using a value an unfinished
    /// exercise never made). It is a note for an ordinary cell (students see it until they finish the exercise) and a
    /// failure for a graded cell, which must report "not implemented".
    /// </summary>
    private static string? CascadeNote(CellRunResult cell) =>
        cell.Execution is { Status: ExecutionStatus.Threw } execution && !IsStub(execution.Exception)
            ? $"{WithoutCellPrefix(cell.FailureReason, cell.CellNumber)} (not a stub's NotImplementedException: it follows from an unfinished exercise, and students see it until they finish)"
            : null;

    private static bool IsCommentsOnly(string source) =>
        source.Split('\n').All(line => line.Trim().Length == 0 || line.TrimStart().StartsWith("//", StringComparison.Ordinal));

    private static bool IsStub(CellExceptionInfo? exception) =>
        exception is not null
        && (exception.Type == typeof(NotImplementedException).FullName
            || exception.Message.Contains(ClearSolutions.NotImplementedPhrase, StringComparison.Ordinal));

    /// <summary>Runs a notebook with every cell (keep going) within the per-notebook timeout; a problem is added when it could not run or ran out of time.</summary>
    private static async Task<(NotebookRunResult? Run, TimeSpan Elapsed)> RunAsync(Notebook notebook, string path, TimeSpan timeout, List<string> problems, CancellationToken cancellationToken)
    {
        IReadOnlyList<NotebookFormatException> unrunnable = NotebookRunner.FindUnrunnableCells(notebook);
        if (unrunnable.Count > 0)
        {
            problems.AddRange(unrunnable.Select(problem => problem.Message));
            return (null, TimeSpan.Zero);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            deadline.CancelAfter(timeout);
        }

        var runner = new NotebookRunner(new NotebookRunOptions
        {
            KeepGoing = true,
            CellTimeout = timeout == Timeout.InfiniteTimeSpan || timeout > NotebookRunOptions.DefaultCellTimeout ? NotebookRunOptions.DefaultCellTimeout : timeout,
        });
        var clock = Stopwatch.StartNew();
        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        NotebookRunResult run = await runner.RunAsync(notebook, folder, deadline.Token).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (deadline.IsCancellationRequested)
        {
            problems.Add($"did not finish within {Seconds(timeout)} (the per-notebook timeout, --timeout)");
        }

        return (run, clock.Elapsed);
    }

    /// <summary>The graded (autograder-test) code cells and their results: number, grade_id, result.</summary>
    private static IEnumerable<(int Number, string Name, CellRunResult Result)> GradedCells(Notebook notebook, NotebookRunResult run)
    {
        foreach (CellRunResult result in run.Cells)
        {
            Cell cell = notebook.Cells[result.CellNumber - 1];
            if (NbgraderMetadata.Read(cell) is { Grade: true, Solution: false } metadata)
            {
                yield return (result.CellNumber, metadata.GradeId ?? cell.Id ?? "no grade_id", result);
            }
        }
    }

    /// <summary>
    /// The results of a check cell's <see cref="CheckReport"/>, or null when the cell returned none. A notebook that
    /// loaded its own copy of Course.Specs (<c>#r "../lib/Course.Specs.dll"</c>) may have a CheckReport type of its
    /// own, so a report of another load is read by member names.
    /// </summary>
    private static IReadOnlyList<CheckView>? ReadReport(CellExecution? execution)
    {
        object? value = execution?.ReturnValue;
        if (value is CheckReport report)
        {
            return report.Results.Select(result => new CheckView(result.Spec.Id, result.Status.ToString(), result.Message)).ToArray();
        }

        if (value is null || value.GetType().FullName != typeof(CheckReport).FullName
            || value.GetType().GetProperty(nameof(CheckReport.Results))?.GetValue(value) is not IEnumerable results)
        {
            return null;
        }

        return results.Cast<object>().Select(result =>
        {
            object? spec = Read(result, nameof(CheckResult.Spec));
            return new CheckView(
                Read(spec, nameof(Spec.Id))?.ToString() ?? "?",
                Read(result, nameof(CheckResult.Status))?.ToString() ?? "?",
                Read(result, nameof(CheckResult.Message))?.ToString() ?? string.Empty);
        }).ToArray();

        static object? Read(object? target, string property) => target?.GetType().GetProperty(property)?.GetValue(target);
    }

    private static async Task Report(TextWriter stdout, string path, Verdict verdict)
    {
        if (verdict.Passed)
        {
            await stdout.WriteLineAsync($"PASS {path}: {verdict.Summary}").ConfigureAwait(false);
            foreach (string note in verdict.Notes)
            {
                await stdout.WriteLineAsync("    note: " + note).ConfigureAwait(false);
            }

            return;
        }

        string more = verdict.Problems.Count > 1 ? $" (and {verdict.Problems.Count - 1} more, below)" : string.Empty;
        await stdout.WriteLineAsync($"FAIL {path}: {verdict.Problems[0]}{more}").ConfigureAwait(false);
        if (verdict.Problems.Count > 1)
        {
            foreach (string problem in verdict.Problems)
            {
                await stdout.WriteLineAsync("    - " + problem).ConfigureAwait(false);
            }
        }
    }

    private static string[] Notebooks(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToArray() : [];

    private static string WithoutFile(ReleaseException error) =>
        error.CellNumber is int cell ? $"cell {cell}{(error.CellName is null ? string.Empty : $" ({error.CellName})")}: {error.Reason}" : error.Reason;

    private static string WithoutCellPrefix(string? reason, int cellNumber)
    {
        string text = reason ?? "failed";
        foreach (string prefix in new[] { $"cell {cellNumber}, ", $"cell {cellNumber}: ", $"cell {cellNumber} " })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return text[prefix.Length..];
            }
        }

        return text;
    }

    private static string Plural(int count) => count == 1 ? string.Empty : "s";

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    /// <summary>One check's outcome, read from a <see cref="CheckResult"/> of whichever load of Course.Specs made it.</summary>
    private sealed record CheckView(string Id, string Status, string Message);

    /// <summary>The outcome for one notebook: problems (empty when it passed), a summary, and a source's release text.</summary>
    private sealed record Verdict(bool Passed, IReadOnlyList<string> Problems, string Summary, string? ReleasedText)
    {
        /// <summary>Things worth knowing that do not fail the notebook, printed under its PASS line.</summary>
        public IReadOnlyList<string> Notes { get; init; } = [];

        public static Verdict Failed(IReadOnlyList<string> problems, string? releasedText = null) => new(false, problems, string.Empty, releasedText);
    }
}
