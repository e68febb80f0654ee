using System.CommandLine;
using System.Globalization;
using Course.Notebooks.Execution;
using Course.Notebooks.Format;
using Course.Notebooks.Model;

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
/// <para>Exit codes: 0 every cell passed; 1 a cell failed; 2 a notebook could not be read or run at all
/// (bad file, unsupported language, output would overwrite an input), or the arguments were wrong.</para>
/// </remarks>
public static class RunCommand
{
    /// <summary>The exit code when every cell passed.</summary>
    public const int ExitPassed = 0;

    /// <summary>The exit code when at least one cell failed.</summary>
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

        var command = new Command("run", "Execute notebooks headless and write executed copies with their outputs.")
        {
            notebooks, output, timeout, keepGoing,
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
                parse.GetValue(keepGoing));
            return await RunAsync(options, stdout, stderr, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Runs the notebooks, reporting progress to <paramref name="stdout"/> and problems to <paramref name="stderr"/>.</summary>
    /// <param name="options">What to run.</param>
    /// <param name="stdout">Progress, one line per failing cell, and the closing <c>N passed, M failed</c> line.</param>
    /// <param name="stderr">Notebooks that could not be run, and why.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The exit code (see the class remarks).</returns>
    public static async Task<int> RunAsync(RunOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        bool badInput = false;
        bool interrupted = false;
        var plans = PlanOutputs(options, stderr, ref badInput);
        var failures = new List<string>();
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
                CellFinished = result => stdout.WriteLine(Progress(result)),
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

        foreach (string failure in failures)
        {
            await stdout.WriteLineAsync(failure).ConfigureAwait(false);
        }

        string summary = $"{passed} passed, {failed} failed" + (skipped > 0 ? $", {skipped} skipped" : string.Empty);
        await stdout.WriteLineAsync(summary).ConfigureAwait(false);
        return badInput ? ExitBadInput : failed > 0 || skipped > 0 || interrupted ? ExitCellFailed : ExitPassed;
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

    private static string Progress(CellRunResult result)
    {
        string elapsed = result.Execution is CellExecution execution
            ? $" ({execution.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms)"
            : string.Empty;
        return result.Outcome switch
        {
            CellOutcome.Passed => $"  cell {result.CellNumber}: ok{elapsed}",
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
