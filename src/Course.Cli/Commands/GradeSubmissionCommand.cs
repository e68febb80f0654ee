using System.CommandLine;
using System.Globalization;
using Course.Autograder;
using Course.Grading.Output;
using Course.Grading.Results;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course grade-submission</c>: grades one submission in this process, unsandboxed, and prints (or writes) its
/// result: for an instructor looking into one submission. <c>course grade</c> grades each submission in a sandboxed
/// runner instead, which is the only safe way with code you do not trust.
/// </summary>
public static class GradeSubmissionCommand
{
    /// <summary>Builds the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var submission = new Argument<string>("SUBMISSION") { Description = "A student's folder of notebooks, or one notebook." };
        var source = new Option<string?>("--source") { Description = "The instructor's source notebooks (default: notebooks/source of the course tree).", HelpName = "DIR" };
        var lib = new Option<string?>("--lib") { Description = "The libraries the notebooks #r (default: notebooks/lib of the course tree).", HelpName = "DIR" };
        var result = new Option<string?>("--result") { Description = "Also write the result (JSON) to this file.", HelpName = "FILE" };
        var work = new Option<string?>("--work") { Description = "The folder the notebooks run in (default: a new temporary folder).", HelpName = "DIR" };

        var command = new Command("grade-submission", "Grade one submission in this process, unsandboxed (to look into one submission; course grade sandboxes each).")
        {
            submission, source, lib, result, work,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var output = parse.InvocationConfiguration.Output;
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
            };
            var module = ModuleNotebooks.Load(parse.GetValue(source) ?? CourseTree.Path("notebooks", "source"));
            SubmissionResult graded = await new SubmissionGrader(module, options).GradeAsync(submissionPath, cancellationToken: cancellationToken);
            if (parse.GetValue(result) is { } file)
            {
                ResultJson.Write(file, graded);
            }

            // The id is the submission's name and a message may quote its output: neither may drive the terminal.
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{TerminalText.Escape(graded.StudentId)}: {StatusWords.Of(graded.Status)}: {graded.Score:0.##}/{graded.MaxScore:0.##}"));
            foreach (var check in graded.Checks.Where(c => c.Score < c.Points))
            {
                await output.WriteLineAsync($"  {check.Id}: {StatusWords.Of(check.Status)}: {TerminalText.Escape(check.Message)}");
            }

            return 0;
        });
        return command;
    }
}
