using System.Diagnostics;
using Course.Grading.Results;
using Course.Grading.Running;
using static Course.Grading.Tests.Results;

namespace Course.Grading.Tests.Support;

/// <summary>
/// Stand-in runners for the driver's tests: a bash script per submission (chosen by its name) that speaks a line
/// protocol on standard output (<c>pass ID</c>, <c>fail ID</c>, <c>doing WHAT</c>, <c>done</c>), and the grading side that reads it as
/// the module's grader reads its boundary. As in real grading, the score comes only from what the grading side
/// decides: a check is worth what the module's list says, whatever the runner prints or writes into its folder.
/// </summary>
internal static class ScriptedRunner
{
    /// <summary>Every check of the stand-in module: x in 01-a (2 points) and y in 02-b (3 points).</summary>
    public static readonly CheckOutcome[] AllChecks = [Check("x", "01-a.ipynb", 2, false), Check("y", "02-b.ipynb", 3, false)];

    /// <summary>Starts <paramref name="script"/> (bash) in the grading folder, with $1 the submission and $2 the grading folder.</summary>
    /// <param name="script">The script.</param>
    /// <returns>A runner factory for <see cref="ScriptedGrader"/>.</returns>
    public static Func<string, string, ProcessStartInfo> Start(Func<string, string> script) => (submission, grading) =>
    {
        var start = Shell.Bash(script(Path.GetFileName(submission)), submission, grading);
        start.WorkingDirectory = grading;
        return start;
    };

    /// <summary>
    /// Reads the runner's lines until <c>done</c>, its end or the session's stop: each <c>pass ID</c> earns that
    /// check its points; a check never reported is "not run". A runner that ends before <c>done</c> ended early.
    /// </summary>
    /// <param name="session">The runner.</param>
    /// <returns>The result.</returns>
    public static async Task<SubmissionResult> Grade(GradingSession session)
    {
        var outcomes = AllChecks.ToDictionary(c => c.Id, c => c with { Status = CheckOutcomeStatus.NotRun, Message = "Not run: grading ended early." });
        bool done = false;
        try
        {
            while (!done && await session.Process.StandardOutput.ReadLineAsync(session.Stopping) is { } line)
            {
                string[] words = line.Split(' ', 2);
                switch (words)
                {
                    case ["pass", var id] when outcomes.TryGetValue(id, out var check):
                        outcomes[id] = check with { Score = check.Points, Status = CheckOutcomeStatus.Passed, Message = "" };
                        break;
                    case ["fail", var id] when outcomes.TryGetValue(id, out var check):
                        outcomes[id] = check with { Status = CheckOutcomeStatus.Failed, Message = "expected 3, but it was 4" };
                        break;
                    case ["doing", var what]:
                        session.Activity = what;
                        break;
                    case ["done"]:
                        done = true;
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (session.Stopping.IsCancellationRequested)
        {
            // Out of time: what was reported so far stands.
        }

        session.RunnerEndedEarly = !done;
        var checks = AllChecks.Select(c => outcomes[c.Id]).ToArray();
        return new SubmissionResult(session.StudentId, SubmissionStatus.Graded, "",
            [new NotebookOutcome("01-a.ipynb", NotebookStatus.Ran, []), new NotebookOutcome("02-b.ipynb", NotebookStatus.Ran, [])], checks, "", 0);
    }

    /// <summary>The lines of a runner whose every check passes.</summary>
    public const string Passes = "echo 'pass x'; echo 'pass y'; echo done";

    /// <summary>The lines of a runner whose every check fails.</summary>
    public const string Fails = "echo 'fail x'; echo 'fail y'; echo done";
}
