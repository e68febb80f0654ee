using System.CommandLine;
using System.Globalization;
using Course.Notebooks.DotNetInteractive;
using Course.Notebooks.Validation;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course validate</c>: proves the course's notebooks work before students see them, in the kit's engine and in
/// the real .NET Interactive kernel. The rules live in <see cref="NotebookValidator"/>; this command finds the
/// notebooks, picks the kernels and prints the verdicts.
/// </summary>
/// <remarks>Exit codes: 0 every notebook passed; 1 a notebook failed; 2 a folder had no notebooks, a kernel asked for is
/// not installed, or the arguments were wrong.</remarks>
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

    /// <summary>The default time one notebook may take in one kernel.</summary>
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
            Description = "Seconds one notebook may run in one kernel before it fails; 0 for no limit.",
            DefaultValueFactory = _ => DefaultNotebookTimeout.TotalSeconds,
            HelpName = "SECONDS",
        };
        var kernel = new Option<string?>("--kernel")
        {
            Description = "Where to run the notebooks: kit (the kit's engine), dotnet-interactive (the real .NET Interactive kernel "
                + $"students use, {DotNetInteractiveTool.PinnedVersion}) or both. Default: both where dotnet-interactive is installed, else kit.",
            HelpName = "kit|dotnet-interactive|both",
        };
        var command = new Command("validate", "Check that sources pass every check and student notebooks are current and fail every check as not implemented, in both kernels.")
        {
            directories, timeout, kernel,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            TextWriter stderr = parse.InvocationConfiguration.Error;
            double seconds = parse.GetValue(timeout);
            if (seconds < 0 || double.IsNaN(seconds) || seconds > int.MaxValue / 1000.0)
            {
                await stderr.WriteLineAsync($"course validate: --timeout must be 0 (no limit) or a positive number of seconds, but was {seconds.ToString(CultureInfo.InvariantCulture)}.").ConfigureAwait(false);
                return ExitBadInput;
            }

            if (Kernels(parse.GetValue(kernel), out string? problem) is not { } kernels)
            {
                await stderr.WriteLineAsync("course validate: " + problem).ConfigureAwait(false);
                return ExitBadInput;
            }

            var options = new ValidateOptions(parse.GetValue(directories) ?? [], seconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds), kernels);
            return await RunAsync(options, parse.InvocationConfiguration.Output, stderr, cancellationToken).ConfigureAwait(false);
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
        var validator = new NotebookValidator(
            options.Kernels.Select(k => k == ValidationKernel.Kit ? (INotebookExecutor)new EngineExecutor() : new DotNetInteractiveExecutor()).ToArray(),
            options.NotebookTimeout);
        IReadOnlyList<string> directories = options.Directories.Count > 0 ? options.Directories : [DefaultDirectory];
        int passed = 0, failed = 0;
        bool badInput = false;
        await stdout.WriteLineAsync($"Kernels: {string.Join(", ", options.Kernels.Select(NotebookValidator.Name))}").ConfigureAwait(false);
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
            string[] students = Notebooks(studentFolder)
                .Concat(sources.Select(source => Path.Combine(studentFolder, Path.GetFileName(source))))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            int total = sources.Length + students.Length;
            await stdout.WriteLineAsync($"{directory}: {sources.Length} source notebook{Plural(sources.Length)}, {Notebooks(studentFolder).Length} student notebook{Plural(Notebooks(studentFolder).Length)}").ConfigureAwait(false);

            var releases = new Dictionary<string, (string Source, string? Text)>(StringComparer.Ordinal);
            int position = 0;
            foreach (string source in sources)
            {
                await stdout.WriteLineAsync($"[{++position}/{total}] {source}").ConfigureAwait(false);
                NotebookValidation verdict = await validator.ValidateSourceAsync(source, cancellationToken).ConfigureAwait(false);
                releases[Path.GetFileName(source)] = (source, verdict.ReleasedText);
                _ = await Report(stdout, verdict).ConfigureAwait(false) ? passed++ : failed++;
            }

            foreach (string student in students)
            {
                await stdout.WriteLineAsync($"[{++position}/{total}] {student}").ConfigureAwait(false);
                var release = releases.GetValueOrDefault(Path.GetFileName(student));
                NotebookValidation verdict = await validator.ValidateStudentAsync(student, release.Source, release.Text, cancellationToken).ConfigureAwait(false);
                _ = await Report(stdout, verdict).ConfigureAwait(false) ? passed++ : failed++;
            }
        }

        await stdout.WriteLineAsync($"{passed} passed, {failed} failed").ConfigureAwait(false);
        return badInput ? ExitBadInput : failed > 0 ? ExitFailed : ExitPassed;
    }

    /// <summary>The kernels <c>--kernel</c> names, or null (with the reason) when it names an unknown one or one that is not installed.</summary>
    private static IReadOnlyList<ValidationKernel>? Kernels(string? value, out string? problem)
    {
        bool installed = DotNetInteractiveTool.TryFind() is not null;
        problem = null;
        string missing = $"--kernel {value} needs the .NET Interactive tool, which is not installed: {TryMessage()}";
        switch (value)
        {
            case null:
                return installed ? [ValidationKernel.Kit, ValidationKernel.DotNetInteractive] : [ValidationKernel.Kit];
            case "kit":
                return [ValidationKernel.Kit];
            case "dotnet-interactive" when installed:
                return [ValidationKernel.DotNetInteractive];
            case "both" when installed:
                return [ValidationKernel.Kit, ValidationKernel.DotNetInteractive];
            case "dotnet-interactive" or "both":
                problem = missing;
                return null;
            default:
                problem = $"--kernel must be kit, dotnet-interactive or both, but was '{value}'.";
                return null;
        }

        static string TryMessage()
        {
            try
            {
                return DotNetInteractiveTool.Find();
            }
            catch (FileNotFoundException error)
            {
                return error.Message;
            }
        }
    }

    private static async Task<bool> Report(TextWriter stdout, NotebookValidation verdict)
    {
        if (verdict.Passed)
        {
            await stdout.WriteLineAsync($"PASS {verdict.Path}: {verdict.Summary}").ConfigureAwait(false);
            foreach (string note in verdict.Notes)
            {
                await stdout.WriteLineAsync("    note: " + note).ConfigureAwait(false);
            }

            return true;
        }

        string more = verdict.Problems.Count > 1 ? $" (and {verdict.Problems.Count - 1} more, below)" : string.Empty;
        await stdout.WriteLineAsync($"FAIL {verdict.Path}: {verdict.Problems[0]}{more}").ConfigureAwait(false);
        if (verdict.Problems.Count > 1)
        {
            foreach (string problem in verdict.Problems)
            {
                await stdout.WriteLineAsync("    - " + problem).ConfigureAwait(false);
            }
        }

        return false;
    }

    private static string[] Notebooks(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToArray() : [];

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}
