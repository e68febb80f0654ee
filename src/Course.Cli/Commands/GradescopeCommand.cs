using System.CommandLine;
using System.Globalization;
using Course.Cli.Gradescope;
using Course.Grading.Output;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course gradescope</c>: <c>build</c> writes the autograder zip Gradescope runs (this grader, built, with the
/// instructor's notebooks; docs/GRADESCOPE.md), and <c>run</c> is what the zip's <c>run_autograder</c> calls for each
/// submission on Gradescope's machines.
/// </summary>
/// <remarks>Exit codes: 0 done; 1 the package could not be built (the grader or sources are not what it needs); 2 wrong arguments.</remarks>
public static class GradescopeCommand
{
    /// <summary>The default zip.</summary>
    public const string DefaultPackage = "autograder.zip";

    /// <summary>Builds the command and its subcommands.</summary>
    /// <returns>The command.</returns>
    public static Command Create() =>
        new("gradescope", "Package this grader for Gradescope (build), or grade one submission inside Gradescope's container (run).")
        {
            CreateBuild(),
            CreateRun(),
        };

    private static Command CreateBuild()
    {
        var output = new Option<string>("--out", "-o") { Description = "The zip to write, to upload as a Gradescope programming assignment's autograder.", DefaultValueFactory = _ => DefaultPackage, HelpName = "FILE" };
        var source = new Option<string?>("--source") { Description = "The instructor's source notebooks (default: notebooks/source).", HelpName = "DIR" };
        var hidden = new Option<string>("--hidden") { Description = "What students see of hidden checks: after_published (their results once grades are published) or hidden (never).", DefaultValueFactory = _ => GradescopeWriter.AfterPublished, HelpName = "VISIBILITY" };
        hidden.AcceptOnlyFromAmong(GradescopeWriter.AfterPublished, GradescopeWriter.Hidden);
        var timeout = new Option<int>("--timeout") { Description = "Seconds one submission may take (keep it under the assignment's Gradescope timeout).", DefaultValueFactory = _ => 300, HelpName = "SECONDS" };
        var memory = new Option<int>("--memory") { Description = "Megabytes of managed memory one submission may use.", DefaultValueFactory = _ => 2048, HelpName = "MB" };
        var command = new Command("build", "Write the autograder zip for Gradescope: setup.sh and run_autograder at its root, this grader as built (Release recommended) and the instructor's notebooks.")
        {
            output, source, hidden, timeout, memory,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var contents = GradescopePackage.Build(new GradescopePackageOptions
                {
                    GraderFolder = AppContext.BaseDirectory,
                    SourceFolder = parse.GetValue(source) ?? CourseTree.Path("notebooks", "source"),
                    OutputPath = parse.GetValue(output) ?? DefaultPackage,
                    Settings = new GradescopeSettings
                    {
                        HiddenVisibility = parse.GetValue(hidden) ?? GradescopeWriter.AfterPublished,
                        TimeoutSeconds = parse.GetValue(timeout),
                        MemoryMegabytes = parse.GetValue(memory),
                    },
                });
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Wrote {contents.Path} ({contents.Entries.Count} files, {contents.Bytes / 1048576.0:0.0} MB): upload it as the assignment's autograder (docs/GRADESCOPE.md)."));
                if (!contents.OptimizedBuild)
                {
                    stderr.WriteLine("course gradescope build: warning: this grader is a Debug build; the timing checks' budgets were set on a Release build. Build with: dotnet build src/Course.Cli -c Release, and run that course.dll.");
                }

                return 0;
            }
            catch (InvalidDataException e)
            {
                stderr.WriteLine($"course gradescope build: {e.Message}");
                return 1;
            }
            catch (Exception e) when (e is DirectoryNotFoundException or ArgumentException)
            {
                stderr.WriteLine($"course gradescope build: {e.Message.Replace(" (Parameter 'options')", "", StringComparison.Ordinal)}");
                return 2;
            }
        });
        return command;
    }

    private static Command CreateRun()
    {
        var root = new Option<string>("--root") { Description = "Gradescope's folder with source/, submission/ and results/.", DefaultValueFactory = _ => GradescopeRun.DefaultRoot, HelpName = "DIR" };
        var command = new Command("run", "Grade the submission in ROOT/submission as course grade grades one folder, and write ROOT/results/results.json (run_autograder calls this on Gradescope).")
        {
            root,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var result = await GradescopeRun.RunAsync(parse.GetValue(root) ?? GradescopeRun.DefaultRoot, parse.InvocationConfiguration.Output, cancellationToken);
            if (result is not null)
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"results.json written: {result.Score:0.##}/{result.MaxScore:0.##} ({StatusWords.Of(result.Status)})."));
            }

            // A results.json is written either way; Gradescope shows it, and the log above tells the instructor why it failed.
            return 0;
        });
        return command;
    }
}
