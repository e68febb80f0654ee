using System.CommandLine;
using Course.Autograder;
using Course.Autograder.Preparation;
using Course.Grading.Results;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course grade-submission</c>: grades one submission in this process and writes its result file.
/// <c>course grade</c> starts one such process per submission, so that whatever a submission does
/// (loop forever, overflow the stack, exit) ends only that process.
/// </summary>
public static class GradeSubmissionCommand
{
    /// <summary>
    /// The environment variable <c>course grade</c> sets to 1 for a grading process it runs in the sandbox,
    /// so that refused file and network accesses are reported as the sandbox's doing.
    /// </summary>
    public const string SandboxedVariable = "COURSE_SANDBOXED";

    /// <summary>Builds the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var submission = new Argument<string>("SUBMISSION") { Description = "A student's folder of notebooks, or one notebook." };
        var source = new Option<string?>("--source") { Description = "The instructor's source notebooks (default: notebooks/source of the course tree).", HelpName = "DIR" };
        var lib = new Option<string?>("--lib") { Description = "The libraries the notebooks #r (default: notebooks/lib of the course tree).", HelpName = "DIR" };
        var result = new Option<string>("--result") { Description = "Where to write the result (JSON).", Required = true, HelpName = "FILE" };
        var progress = new Option<string?>("--progress") { Description = "A file to append each check's outcome to as soon as it is known.", HelpName = "FILE" };
        var work = new Option<string?>("--work") { Description = "The folder the notebooks run in (default: a new temporary folder).", HelpName = "DIR" };
        var prepared = new Option<bool>("--prepared")
        {
            Description = "SUBMISSION is a folder prepared by course grade (locked cells already restored): grade it without reading the instructor's sources.",
        };

        var command = new Command("grade-submission", "Grade one submission in this process (course grade runs this once per submission, in its own process).")
        {
            submission, source, lib, result, progress, work, prepared,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            string submissionPath = parse.GetValue(submission)!;
            if (!Directory.Exists(submissionPath) && !File.Exists(submissionPath))
            {
                await error.WriteLineAsync($"course grade-submission: '{submissionPath}' does not exist.");
                return 2;
            }

            var options = new GraderOptions
            {
                LibraryDirectory = parse.GetValue(lib) ?? CourseTree.TryPath("notebooks", "lib"),
                WorkDirectory = parse.GetValue(work),
                Sandboxed = Environment.GetEnvironmentVariable(SandboxedVariable) == "1",
            };
            string? progressFile = parse.GetValue(progress);
            Action<CheckOutcome> onCheck = outcome =>
            {
                if (progressFile is not null)
                {
                    ResultJson.AppendProgress(progressFile, outcome);
                }
            };
            SubmissionResult graded;
            if (parse.GetValue(prepared))
            {
                PreparedSubmission submissionPrepared;
                try
                {
                    submissionPrepared = SubmissionPreparation.Read(submissionPath);
                }
                catch (InvalidDataException e)
                {
                    await error.WriteLineAsync($"course grade-submission: {e.Message}");
                    return 2;
                }

                graded = await new SubmissionGrader(options).GradeAsync(submissionPrepared, onCheck, cancellationToken);
            }
            else
            {
                var module = ModuleNotebooks.Load(parse.GetValue(source) ?? CourseTree.Path("notebooks", "source"));
                graded = await new SubmissionGrader(module, options).GradeAsync(submissionPath, onCheck, cancellationToken);
            }

            ResultJson.Write(parse.GetValue(result)!, graded);
            // Student threads left running (an abandoned infinite loop) must not keep the process alive.
            return 0;
        });
        return command;
    }
}
