using System.CommandLine;
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
        var timeout = TimeoutOption.Create("Seconds one notebook may run in one kernel before it fails; 0 for no limit.", DefaultNotebookTimeout);
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
            if (await TimeoutOption.ReadAsync(parse, timeout, "validate").ConfigureAwait(false) is not { } notebookTimeout)
            {
                return ExitBadInput;
            }

            IReadOnlyList<ValidationKernel> kernels;
            try
            {
                kernels = ValidationKernelChoice.Choose(parse.GetValue(kernel));
            }
            catch (ArgumentException error)
            {
                await stderr.WriteLineAsync("course validate: " + error.Message).ConfigureAwait(false);
                return ExitBadInput;
            }

            var options = new ValidateOptions(parse.GetValue(directories) ?? [], notebookTimeout, kernels);
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
        var validator = new NotebookValidator(options.Kernels.Select(ValidationKernelChoice.Executor).ToArray(), options.NotebookTimeout);
        await stdout.WriteLineAsync($"Kernels: {string.Join(", ", options.Kernels.Select(NotebookValidator.Name))}").ConfigureAwait(false);
        FolderValidationResult result = await new FolderValidator(validator)
            .ValidateAsync(options.Directories.Count > 0 ? options.Directories : [DefaultDirectory], stdout, stderr, cancellationToken).ConfigureAwait(false);
        await stdout.WriteLineAsync(result.Summary).ConfigureAwait(false);
        return result.BadInput ? ExitBadInput : result.Failed > 0 ? ExitFailed : ExitPassed;
    }
}
