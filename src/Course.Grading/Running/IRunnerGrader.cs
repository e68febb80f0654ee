using System.Diagnostics;
using Course.Grading.Results;

namespace Course.Grading.Running;

/// <summary>
/// How a module grades one submission in its runner, the process that runs the submission's code: what
/// <see cref="GradingRun"/> calls for each submission, between laying out the grading folder and writing the result.
/// </summary>
public interface IRunnerGrader
{
    /// <summary>
    /// Prepares the submission in its (empty) grading folder and makes the command line of its runner. The run adds the
    /// sandbox, the caps and the environment.
    /// </summary>
    /// <param name="submission">The submission (a folder of notebooks, or one notebook).</param>
    /// <param name="gradingFolder">The submission's grading folder, empty.</param>
    /// <returns>The runner's command line.</returns>
    /// <exception cref="InvalidDataException">The submission cannot be prepared (so are <see cref="IOException"/> and <see cref="UnauthorizedAccessException"/>).</exception>
    ProcessStartInfo Prepare(string submission, string gradingFolder);

    /// <summary>
    /// Grades the submission through its running runner (the module's protocol on the runner's standard input and
    /// output): the checks run here, in the trusted process, so the score comes from nothing the runner writes.
    /// </summary>
    /// <param name="session">The runner, started from what <see cref="Prepare"/> returned.</param>
    /// <returns>The result.</returns>
    Task<SubmissionResult> GradeAsync(GradingSession session);
}
