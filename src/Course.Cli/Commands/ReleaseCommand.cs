using System.CommandLine;
using Course.Notebooks.Authoring;
using Course.Notebooks.Files;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course release</c>: writes the student notebooks from the instructor sources, as nbgrader's
/// <c>generate_assignment</c> does (see <see cref="ReleasePipeline"/> and docs/AUTHORING.md).
/// </summary>
/// <remarks>
/// <para>Every source is released in memory first; if any cannot be released (bad markers or metadata), the errors
/// are printed, nothing is written, and the exit code is 2. Earlier student notebooks in the output folder are
/// replaced (that is the point); a source never is: the output folder may not be a source's folder, and an existing
/// output file that still has solution or hidden-test markers (which no release has) is not replaced.</para>
/// <para><c>--solutions</c> writes the instructors' solutions export instead (<see cref="ReleasePipeline.Solutions"/>):
/// the answers kept without their markers, hidden tests removed, outputs cleared; by default into
/// <c>notebooks/solutions</c> (git-ignored), and never over a student notebook (one that holds a stub), so a release cannot hand
/// students the answers by a slip of <c>--out</c>.</para>
/// <para>Exit codes: 0 released; 2 bad input (unreadable source, a release error, an output that would replace a
/// source or a student notebook) or wrong arguments.</para>
/// </remarks>
public static class ReleaseCommand
{
    /// <summary>The exit code when every notebook was released.</summary>
    public const int ExitReleased = 0;

    /// <summary>The exit code when nothing was written because of bad input.</summary>
    public const int ExitBadInput = 2;

    /// <summary>The default folder of the instructor sources, relative to the current directory.</summary>
    public static readonly string DefaultSourceDirectory = Path.Combine("notebooks", "source");

    /// <summary>The default output folder, relative to the current directory.</summary>
    public static readonly string DefaultOutputDirectory = Path.Combine("notebooks", "student");

    /// <summary>
    /// The default output folder of <c>--solutions</c>, relative to the current directory: beside the student notebooks,
    /// so that their <c>#r "../lib/..."</c> finds the libraries and they run as they are; git ignores it, so the answers
    /// are not committed where students fetch their notebooks.
    /// </summary>
    public static readonly string DefaultSolutionsDirectory = Path.Combine("notebooks", "solutions");

    /// <summary>Builds the <c>release</c> command.</summary>
    /// <returns>The command, ready to add to the root command.</returns>
    public static Command Create()
    {
        var sources = new Argument<string[]>("SOURCE")
        {
            Description = $"Instructor notebooks to release (default: every {DefaultSourceDirectory}/*.ipynb). They are never modified.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = $"Folder for the student notebooks (same file names); default {DefaultOutputDirectory}, or {DefaultSolutionsDirectory} with --solutions. Earlier releases there are replaced; sources never are.",
            HelpName = "DIR",
        };
        var solutions = new Option<bool>("--solutions")
        {
            Description = "Write the solutions instead, for instructors and TAs: the answers kept (markers removed), hidden tests removed, outputs cleared. Never over a student notebook.",
        };
        var command = new Command("release", "Write the student notebooks: solutions stubbed, hidden tests removed, outputs cleared, checksums added (or, with --solutions, the solutions export).")
        {
            sources, output, solutions,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            bool exportSolutions = parse.GetValue(solutions);
            string outDir = parse.GetValue(output) ?? (exportSolutions ? DefaultSolutionsDirectory : DefaultOutputDirectory);
            return RunAsync(
                new ReleaseOptions(parse.GetValue(sources) ?? [], outDir) { Solutions = exportSolutions },
                parse.InvocationConfiguration.Output,
                parse.InvocationConfiguration.Error,
                cancellationToken);
        });
        return command;
    }

    /// <summary>Releases the notebooks.</summary>
    /// <param name="options">What to release and where.</param>
    /// <param name="stdout">One line per notebook and a closing count.</param>
    /// <param name="stderr">Why a notebook could not be released.</param>
    /// <param name="cancellationToken">Stops before writing.</param>
    /// <returns>The exit code (see the class remarks).</returns>
    public static async Task<int> RunAsync(ReleaseOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        IReadOnlyList<string> inputs;
        try
        {
            inputs = options.Sources.Count > 0 ? options.Sources : ReleasePlan.SourcesIn(DefaultSourceDirectory);
        }
        catch (IOException error)
        {
            await stderr.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            return ExitBadInput;
        }

        var plan = ReleasePlan.Prepare(inputs, options.OutputDirectory, options.Solutions);
        if (plan.Errors.Count > 0)
        {
            foreach (string error in plan.Errors)
            {
                await stderr.WriteLineAsync($"error: {error}").ConfigureAwait(false);
            }

            await stdout.WriteLineAsync($"nothing written: {plan.Targets.Count} of {inputs.Count} notebooks could be released; fix the errors above").ConfigureAwait(false);
            return ExitBadInput;
        }

        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(options.OutputDirectory);
        int unchanged = 0;
        foreach (ReleaseTarget target in plan.Targets)
        {
            // Written only when different, so an unchanged release leaves timestamps (and editors) alone.
            bool same = target.IsWritten();
            if (same)
            {
                unchanged++;
            }
            else
            {
                AtomicFile.WriteAllText(target.Output, target.Result.Serialize());
            }

            await stdout.WriteLineAsync(target.ReportLine(same)).ConfigureAwait(false);
        }

        await stdout.WriteLineAsync($"{plan.Targets.Count} {(options.Solutions ? "solutions notebooks" : "released")} ({plan.Targets.Count - unchanged} written, {unchanged} unchanged)").ConfigureAwait(false);
        return ExitReleased;
    }
}
