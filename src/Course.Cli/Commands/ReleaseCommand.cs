using System.CommandLine;
using System.Text;
using Course.Notebooks.Authoring;
using Course.Notebooks.Format;

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

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

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

        IReadOnlyList<string> inputs = options.Sources;
        if (inputs.Count == 0)
        {
            if (!Directory.Exists(DefaultSourceDirectory))
            {
                await stderr.WriteLineAsync($"error: {DefaultSourceDirectory} does not exist; run from the repository root or name the sources").ConfigureAwait(false);
                return ExitBadInput;
            }

            inputs = Directory.GetFiles(DefaultSourceDirectory, "*.ipynb").Order(StringComparer.Ordinal).ToArray();
            if (inputs.Count == 0)
            {
                await stderr.WriteLineAsync($"error: {DefaultSourceDirectory} has no .ipynb notebooks").ConfigureAwait(false);
                return ExitBadInput;
            }
        }

        var planned = new List<(string Source, string Output, ReleaseResult Result)>();
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        string outputFolder = Canonical(options.OutputDirectory);
        bool failed = false;
        foreach (string source in inputs)
        {
            string outputPath = Path.Combine(options.OutputDirectory, Path.GetFileName(source));
            string? refusal = RefuseOutput(source, outputPath, outputFolder, claimed) ?? (options.Solutions ? RefuseSolutionsOver(outputPath) : null);
            if (refusal is not null)
            {
                await stderr.WriteLineAsync($"error: {source}: {refusal}").ConfigureAwait(false);
                failed = true;
                continue;
            }

            try
            {
                planned.Add((source, outputPath, (options.Solutions ? ReleasePipeline.Solutions : ReleasePipeline.Default).ReleaseFile(source)));
                claimed[Canonical(outputPath)] = source;
            }
            catch (Exception error) when (error is NotebookFormatException or ReleaseException)
            {
                await stderr.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
                failed = true;
            }
        }

        if (failed)
        {
            await stdout.WriteLineAsync($"nothing written: {planned.Count} of {inputs.Count} notebooks could be released; fix the errors above").ConfigureAwait(false);
            return ExitBadInput;
        }

        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(options.OutputDirectory);
        int unchanged = 0;
        foreach ((string source, string outputPath, ReleaseResult result) in planned)
        {
            byte[] bytes = Utf8NoBom.GetBytes(result.Serialize());
            bool same = File.Exists(outputPath) && (await File.ReadAllBytesAsync(outputPath, cancellationToken).ConfigureAwait(false)).AsSpan().SequenceEqual(bytes);
            if (same)
            {
                unchanged++;
            }
            else
            {
                // Written only when different, so an unchanged release leaves timestamps (and editors) alone.
                string temporary = outputPath + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
                File.Move(temporary, outputPath, overwrite: true);
            }

            string steps = string.Join(", ", result.Steps.Select(step => $"{step.Step} {step.Changes}"));
            await stdout.WriteLineAsync($"{(same ? "unchanged" : "released ")} {source} -> {outputPath} ({steps})").ConfigureAwait(false);
        }

        await stdout.WriteLineAsync($"{planned.Count} {(options.Solutions ? "solutions notebooks" : "released")} ({planned.Count - unchanged} written, {unchanged} unchanged)").ConfigureAwait(false);
        return ExitReleased;
    }

    /// <summary>Why a student notebook may not be written to <paramref name="outputPath"/>, or null when it may.</summary>
    private static string? RefuseOutput(string source, string outputPath, string outputFolder, Dictionary<string, string> claimed)
    {
        if (!source.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
        {
            return "an instructor source must be an .ipynb notebook";
        }

        if (string.Equals(Canonical(Path.GetDirectoryName(Path.GetFullPath(source))!), outputFolder, StringComparison.Ordinal))
        {
            return $"the student notebook would replace the source (the output folder {outputFolder} is the source's folder); choose another folder with --out";
        }

        string canonical = Canonical(outputPath);
        if (claimed.TryGetValue(canonical, out string? other))
        {
            return $"its student notebook {outputPath} would replace the one released from {other}; source file names must differ";
        }

        // A release never contains these markers, so a file that does is someone's source, not an earlier release.
        if (File.Exists(outputPath))
        {
            string existing = File.ReadAllText(outputPath);
            if (existing.Contains("BEGIN SOLUTION", StringComparison.Ordinal) || existing.Contains("BEGIN HIDDEN TESTS", StringComparison.Ordinal))
            {
                return $"{outputPath} holds solution or hidden-test markers, so it is an instructor source, not an earlier release; it is not replaced";
            }
        }

        return null;
    }

    // A stub is what only a student notebook holds: the answers must never be written over one.
    private static string? RefuseSolutionsOver(string outputPath) =>
        File.Exists(outputPath) && File.ReadAllText(outputPath).Contains(ClearSolutions.NotImplementedPhrase, StringComparison.Ordinal)
            ? $"{outputPath} is a student notebook (it holds the exercises' stubs); the solutions are not written over it: choose another folder with --out"
            : null;

    private static string Canonical(string path)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        try
        {
            FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
            return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full;
        }
    }
}
