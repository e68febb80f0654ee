using System.Diagnostics;
using Course.Grading.Results;
using Course.Grading.Running;

namespace Course.Grading.Tests.Support;

/// <summary>A stand-in module for the driver's tests: its runner is what <paramref name="prepare"/> starts, and it grades as <see cref="ScriptedRunner.Grade"/>.</summary>
/// <param name="prepare">Makes the runner's command line, given the submission and the grading folder.</param>
internal sealed class ScriptedGrader(Func<string, string, ProcessStartInfo> prepare) : IRunnerGrader
{
    /// <inheritdoc/>
    public ProcessStartInfo Prepare(string submission, string gradingFolder) => prepare(submission, gradingFolder);

    /// <inheritdoc/>
    public Task<SubmissionResult> GradeAsync(GradingSession session) => ScriptedRunner.Grade(session);
}
