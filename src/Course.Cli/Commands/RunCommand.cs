using System.CommandLine;
using Course.Notebooks.Execution;
using Course.Specs;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course run</c>: executes notebooks headless and writes executed copies (outputs and execution counts
/// filled in), like <c>jupyter nbconvert --execute</c>.
/// </summary>
/// <remarks>
/// <para>Copies go to <c>--out</c> (default <c>out/</c>, which git ignores) as <c>NAME.ipynb</c>, replacing earlier
/// copies as a build replaces its output; an input is never written (<see cref="ExecutedCopyPlan"/>).</para>
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
        var timeout = TimeoutOption.Create("Seconds one cell may run before it is stopped and reported as failed; 0 for no limit.", NotebookRunOptions.DefaultCellTimeout);
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
            if (await TimeoutOption.ReadAsync(parse, timeout, "run").ConfigureAwait(false) is not { } cellTimeout)
            {
                return ExitBadInput;
            }

            var options = new RunOptions(parse.GetValue(notebooks) ?? [], parse.GetValue(output) ?? DefaultOutputDirectory, cellTimeout, parse.GetValue(keepGoing))
            {
                AllowFailedChecks = parse.GetValue(allowFailedChecks),
                Check = parse.GetValue(check),
            };
            return await RunAsync(options, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
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

        var plan = ExecutedCopyPlan.For(options.Notebooks, options.OutputDirectory);
        foreach (string refusal in plan.Refusals)
        {
            await stderr.WriteLineAsync("error: " + refusal).ConfigureAwait(false);
        }

        var checks = new CheckTally();
        var batch = new NotebookBatch
        {
            CellTimeout = options.CellTimeout,
            KeepGoing = options.KeepGoing,
            CellChecks = (notebook, cell) => cell.Execution is { } done ? checks.Add(notebook, cell.CellNumber, done.Outputs) : [],
        };

        // The check cells read it when they run (ModuleSpecs.Check); restored after, so a test host is left as it was.
        string? before = Environment.GetEnvironmentVariable(ModuleSpecs.OnlyCheckVariable);
        Environment.SetEnvironmentVariable(ModuleSpecs.OnlyCheckVariable, options.Check);
        NotebookBatchResult run;
        try
        {
            run = await batch.RunAsync(plan.Copies, stdout, stderr, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ModuleSpecs.OnlyCheckVariable, before);
        }

        foreach (string failure in run.Failures.Concat(checks.FailureLines()))
        {
            await stdout.WriteLineAsync(failure).ConfigureAwait(false);
        }

        await stdout.WriteLineAsync(run.Summary).ConfigureAwait(false);
        await stdout.WriteLineAsync(checks.Summary()).ConfigureAwait(false);
        bool badInput = run.BadInput || plan.Refusals.Count > 0;
        if (options.Check is { } asked && !badInput && run.Succeeded && checks.Checks.All(c => c.Id != asked))
        {
            string where = ModuleSpecs.All.First(s => s.Id == asked).GradeId;
            await stderr.WriteLineAsync($"course run: no check cell of these notebooks ran the check {asked} (it is in the check cell \"{where}\"); run the notebook that has that cell.").ConfigureAwait(false);
            return ExitBadInput;
        }

        bool checkFailed = checks.Failed > 0 && !options.AllowFailedChecks;
        return badInput ? ExitBadInput : !run.Succeeded || checkFailed ? ExitCellFailed : ExitPassed;
    }

    private static string DidYouMean(string id)
    {
        var near = ModuleSpecs.All.Where(s => s.Id.Contains(id, StringComparison.OrdinalIgnoreCase) || id.Contains(s.Id, StringComparison.OrdinalIgnoreCase)).Take(3).ToList();
        return near.Count > 0 ? $"; did you mean {string.Join(" or ", near.Select(s => s.Id))}?" : " (each check cell's report shows its checks' ids beside their titles).";
    }
}
