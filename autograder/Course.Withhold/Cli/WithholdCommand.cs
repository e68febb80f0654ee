using Course.Withhold.Policy;

namespace Course.Withhold.Cli;

/// <summary>
/// The tool's command: parses the command line, makes every edition and turns failures into messages and exit
/// codes. Errors are written as <c>Course.Withhold : error WH005 : ...</c>, the format MSBuild's Exec task
/// recognises, so a build shows the message itself rather than only "exited with code 5".
/// </summary>
public static class WithholdCommand
{
    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where summaries go.</param>
    /// <param name="error">Where errors go.</param>
    /// <returns>The exit code (see <see cref="ExitCode"/>).</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var options = CommandLineOptions.Parse(args);
            if (options.Help)
            {
                output.WriteLine(CommandLineOptions.Usage);
                return (int)ExitCode.Success;
            }

            var policy = PolicyReader.Read(options.Policy);
            Directory.CreateDirectory(options.OutputDirectory);
            foreach (string input in options.Inputs)
            {
                var report = EditionBuilder.Build(input, policy, options.OutputDirectory, options.KeyFile);
                output.WriteLine(report);
                foreach (string unrunnable in report.Unrunnable)
                {
                    output.WriteLine($"  note: kept code refers to an instance member of a withheld class, which cannot run (no instance can exist): {unrunnable}");
                }
            }

            return (int)ExitCode.Success;
        }
        catch (WithholdException failure)
        {
            Report(error, failure.Code, failure.Message);
            return (int)failure.Code;
        }
        catch (Exception defect) when (defect is IOException or UnauthorizedAccessException)
        {
            Report(error, ExitCode.OutputFailed, defect.Message);
            return (int)ExitCode.OutputFailed;
        }
#pragma warning disable CA1031 // The tool's last line of defence: a defect still ends with a message and its own exit code.
        catch (Exception defect)
#pragma warning restore CA1031
        {
            Report(error, ExitCode.InternalError, $"unexpected failure, a defect of the tool: {defect}");
            return (int)ExitCode.InternalError;
        }
    }

    private static void Report(TextWriter error, ExitCode code, string message) =>
        error.WriteLine($"Course.Withhold : error WH{(int)code:000} : {message}");
}
