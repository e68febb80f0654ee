using System.CommandLine;
using System.Globalization;
using Course.Notebooks.Execution;
using Course.Notebooks.Format;
using Course.Notebooks.Model;
using Course.Notebooks.Validation;
using Course.Specs;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course run</c>: executes notebooks headless and writes executed copies (outputs and execution counts
/// filled in), like <c>jupyter nbconvert --execute</c>.
/// </summary>
/// <remarks>
/// <para>Copies go to <c>--out</c> (default <c>out/</c> in the current folder, which git ignores) as
/// <c>NAME.ipynb</c>; a <c>.dib</c> input becomes an <c>.ipynb</c> copy. That folder belongs to the command:
/// an earlier copy there is replaced, as a build replaces its output. An input file is never written: a run
/// whose copy would land on one of its inputs, or two inputs that would share a copy, is refused before
/// anything runs.</para>
/// <para>Check cells are counted too, from the reports they show: a check cell whose checks fail still runs, so
/// counting cells alone told a student whose every check failed that all was well. The run closes with two lines,
/// <c>cells: N passed, M failed</c> and <c>checks: N passed, M failed</c>. <c>--check ID</c> makes the check cells run
/// that one check (<see cref="ModuleSpecs.OnlyCheckVariable"/>), for a student working on one failure.</para>
/// <para>Exit codes: 0 every cell and every check passed; 1 a cell or a check failed (<c>--allow-failed-checks</c>:
/// a cell failed); 2 a notebook could not be read or run at all (bad file, unsupported language, output would overwrite
/// an input), <c>--check</c> named no check these notebooks run, or the arguments were wrong.</para>
/// </remarks>
public static class RunCommand
{
    /// <summary>The exit code when every cell passed.</summary>
    public const int ExitPassed = 0;

    /// <summary>The exit code when at least one cell or one check failed.</summary>
    public const int ExitCellFailed = 1;

    /// <summary>The exit code when a notebook could not be run at all.</summary>
    public const int ExitBadInput = 2;

    /// <summary>The default output folder, relative to the current directory.</summary>
    public const string DefaultOutputDirectory = "out";

    /// <summary>Builds the <c>run</c> command.</summary>
    /// <returns>The command, ready to add to the root command.</returns>
    public static Command Create()
    {
        var notebooks = new Argument<string[]>("NOTEBOOK")
        {
            Description = "Notebook files to run (.ipynb or .dib). They are never modified.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Folder for the executed copies (NAME.ipynb). Earlier copies there are replaced; inputs never are.",
            DefaultValueFactory = _ => DefaultOutputDirectory,
            HelpName = "DIR",
        };
        double defaultSeconds = NotebookRunOptions.DefaultCellTimeout.TotalSeconds;
        var timeout = new Option<double>("--timeout")
        {
            Description = $"Seconds one cell may run before it is stopped and reported as failed; 0 for no limit.",
            DefaultValueFactory = _ => defaultSeconds,
            HelpName = "SECONDS",
        };
        var keepGoing = new Option<bool>("--keep-going", "-k")
        {
            Description = "Run the remaining cells of a notebook after a cell fails (otherwise they are skipped).",
        };

        var allowFailedChecks = new Option<bool>("--allow-failed-checks")
        {
            Description = "Exit 0 when every cell ran, even if checks failed (a student notebook whose exercises are not done yet).",
        };
        var check = new Option<string?>("--check")
        {
            Description = "Run only this check (its id, shown beside its title in a check cell's report, e.g. dataloader-count) and report it.",
            HelpName = "ID",
        };

        var command = new Command("run", "Execute notebooks headless and write executed copies with their outputs; count the cells and the checks that pass.")
        {
            notebooks, output, timeout, keepGoing, allowFailedChecks, check,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            TextWriter stdout = parse.InvocationConfiguration.Output;
            TextWriter stderr = parse.InvocationConfiguration.Error;
            double seconds = parse.GetValue(timeout);
            if (seconds < 0 || double.IsNaN(seconds) || seconds > int.MaxValue / 1000.0)
            {
                await stderr.WriteLineAsync($"course run: --timeout must be 0 (no limit) or a positive number of seconds, but was {seconds.ToString(CultureInfo.InvariantCulture)}.").ConfigureAwait(false);
                return ExitBadInput;
            }

            var options = new RunOptions(
                parse.GetValue(notebooks) ?? [],
                parse.GetValue(output) ?? DefaultOutputDirectory,
                seconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds),
                parse.GetValue(keepGoing))
            {
                AllowFailedChecks = parse.GetValue(allowFailedChecks),
                Check = parse.GetValue(check),
            };
            return await RunAsync(options, stdout, stderr, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Runs the notebooks, reporting progress to <paramref name="stdout"/> and problems to <paramref name="stderr"/>.</summary>
    /// <param name="options">What to run.</param>
    /// <param name="stdout">Progress, one line per failing cell and check, and the closing <c>cells:</c> and <c>checks:</c> lines.</param>
    /// <param name="stderr">Notebooks that could not be run, and why.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The exit code (see the class remarks).</returns>
    public static async Task<int> RunAsync(RunOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        if (options.Check is { } only && ModuleSpecs.All.All(s => s.Id != only))
        {
            await stderr.WriteLineAsync($"course run: --check {only} names no check of this module{DidYouMean(only)}").ConfigureAwait(false);
            return ExitBadInput;
        }

        // The check cells read it when they run (ModuleSpecs.Check); restored after, so a test host is left as it was.
        string? before = Environment.GetEnvironmentVariable(ModuleSpecs.OnlyCheckVariable);
        Environment.SetEnvironmentVariable(ModuleSpecs.OnlyCheckVariable, options.Check);
        try
        {
            return await RunNotebooksAsync(options, stdout, stderr, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ModuleSpecs.OnlyCheckVariable, before);
        }
    }

    private static async Task<int> RunNotebooksAsync(RunOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        bool badInput = false;
        bool interrupted = false;
        var plans = PlanOutputs(options, stderr, ref badInput);
        var failures = new List<string>();
        var checks = new CheckTally();
        int passed = 0, failed = 0, skipped = 0;

        foreach ((string input, string outputPath) in plans)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await stderr.WriteLineAsync($"interrupted: {input} and any later notebooks were not run").ConfigureAwait(false);
                interrupted = true;
                break;
            }

            Notebook notebook;
            try
            {
                notebook = NotebookFile.Load(input);
            }
            catch (NotebookFormatException error)
            {
                await stderr.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
                badInput = true;
                continue;
            }

            IReadOnlyList<NotebookFormatException> unrunnable = NotebookRunner.FindUnrunnableCells(notebook, input);
            if (unrunnable.Count > 0)
            {
                foreach (NotebookFormatException problem in unrunnable)
                {
                    await stderr.WriteLineAsync($"error: {problem.Message}").ConfigureAwait(false);
                }

                badInput = true;
                continue;
            }

            int codeCells = notebook.Cells.Count(cell => cell.Kind == CellKind.Code && notebook.LanguageOf(cell) == CellLanguages.CSharp);
            await stdout.WriteLineAsync($"{input}: {codeCells} C# cell{(codeCells == 1 ? string.Empty : "s")}").ConfigureAwait(false);
            var runner = new NotebookRunner(new NotebookRunOptions
            {
                CellTimeout = options.CellTimeout,
                KeepGoing = options.KeepGoing,
                CellFinished = result => stdout.WriteLine(Progress(result, result.Execution is { } done ? checks.Add(input, result.CellNumber, done.Outputs) : [])),
            });

            string baseDirectory = Path.GetDirectoryName(Path.GetFullPath(input)) ?? Directory.GetCurrentDirectory();
            NotebookRunResult run = await runner.RunAsync(notebook, baseDirectory, cancellationToken).ConfigureAwait(false);
            passed += run.Passed;
            failed += run.Failed;
            skipped += run.Skipped;
            failures.AddRange(run.Cells
                .Where(cell => cell.Outcome == CellOutcome.Failed)
                .Select(cell => $"FAILED {input} cell {cell.CellNumber}: {WithoutCellPrefix(cell.FailureReason, cell.CellNumber)}"));

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
                IpynbWriter.Write(run.Executed, outputPath);
                await stdout.WriteLineAsync($"  wrote {outputPath}").ConfigureAwait(false);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"error: {outputPath}: cannot write the executed copy ({error.Message})").ConfigureAwait(false);
                badInput = true;
            }
        }

        foreach (string failure in failures.Concat(checks.FailureLines()))
        {
            await stdout.WriteLineAsync(failure).ConfigureAwait(false);
        }

        string summary = $"cells: {passed} passed, {failed} failed" + (skipped > 0 ? $", {skipped} skipped" : string.Empty);
        await stdout.WriteLineAsync(summary).ConfigureAwait(false);
        await stdout.WriteLineAsync(checks.Summary()).ConfigureAwait(false);
        if (options.Check is { } only && !badInput && !interrupted && failed == 0 && skipped == 0 && checks.Checks.All(c => c.Id != only))
        {
            string where = ModuleSpecs.All.First(s => s.Id == only).GradeId;
            await stderr.WriteLineAsync($"course run: no check cell of these notebooks ran the check {only} (it is in the check cell \"{where}\"); run the notebook that has that cell.").ConfigureAwait(false);
            return ExitBadInput;
        }

        bool checkFailed = checks.Failed > 0 && !options.AllowFailedChecks;
        return badInput ? ExitBadInput : failed > 0 || skipped > 0 || interrupted || checkFailed ? ExitCellFailed : ExitPassed;
    }

    private static string DidYouMean(string id)
    {
        var near = ModuleSpecs.All.Where(s => s.Id.Contains(id, StringComparison.OrdinalIgnoreCase) || id.Contains(s.Id, StringComparison.OrdinalIgnoreCase)).Take(3).ToList();
        return near.Count > 0 ? $"; did you mean {string.Join(" or ", near.Select(s => s.Id))}?" : " (each check cell's report shows its checks' ids beside their titles).";
    }

    /// <summary>
    /// Decides every output path before anything runs, refusing one that is an input (including one that
    /// a symbolic link or a different spelling points at) or that two inputs would share.
    /// </summary>
    private static List<(string Input, string Output)> PlanOutputs(RunOptions options, TextWriter stderr, ref bool badInput)
    {
        var inputs = new HashSet<string>(options.Notebooks.Select(Canonical), StringComparer.Ordinal);
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        var plans = new List<(string, string)>();
        foreach (string input in options.Notebooks)
        {
            string outputPath = Path.Combine(options.OutputDirectory, Path.GetFileNameWithoutExtension(input) + ".ipynb");
            string canonical = Canonical(outputPath);
            if (inputs.Contains(canonical))
            {
                stderr.WriteLine($"error: {input}: the executed copy would overwrite an input ({outputPath}); choose another folder with --out");
                badInput = true;
                continue;
            }

            if (claimed.TryGetValue(canonical, out string? other))
            {
                stderr.WriteLine($"error: {input}: its executed copy {outputPath} would replace the copy of {other}; run them with different --out folders");
                badInput = true;
                continue;
            }

            claimed[canonical] = input;
            plans.Add((input, outputPath));
        }

        return plans;
    }

    private static string Canonical(string path)
    {
        string full = Path.GetFullPath(path);
        try
        {
            return new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full;
        }
    }

    private static string Progress(CellRunResult result, IReadOnlyList<CheckLine> checks)
    {
        string elapsed = result.Execution is CellExecution execution
            ? $" ({execution.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms)"
            : string.Empty;
        // A check cell runs fine when its checks fail: what it found is said on its line.
        string found = checks.Count == 0 ? string.Empty : $", checks: {checks.Count(c => c.Passed)} passed, {checks.Count(c => !c.Passed)} failed";
        return result.Outcome switch
        {
            CellOutcome.Passed => $"  cell {result.CellNumber}: ok{elapsed}{found}",
            CellOutcome.Failed => $"  cell {result.CellNumber}: FAILED{elapsed}",
            _ => $"  cell {result.CellNumber}: skipped (an earlier cell failed; --keep-going runs it anyway)",
        };
    }

    private static string WithoutCellPrefix(string? reason, int cellNumber)
    {
        string text = reason ?? "failed";
        string prefix = $"cell {cellNumber}, ";
        string prefixColon = $"cell {cellNumber}: ";
        string prefixSpace = $"cell {cellNumber} ";
        return text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..]
            : text.StartsWith(prefixColon, StringComparison.Ordinal) ? text[prefixColon.Length..]
            : text.StartsWith(prefixSpace, StringComparison.Ordinal) ? text[prefixSpace.Length..]
            : text;
    }
}
