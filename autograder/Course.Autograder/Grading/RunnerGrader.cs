using System.Collections.Concurrent;
using System.Diagnostics;
using Course.Autograder.Boundary;
using Course.Autograder.Preparation;
using Course.Grading.Results;
using Course.Grading.Running;
using Course.Grading.Sandboxing;

namespace Course.Autograder.Grading;

/// <summary>
/// Module 05's side of a grading run: <see cref="RunnerIntake"/> prepares each submission into its grading folder, the
/// runner (<see cref="RunnerProgram"/>) runs its notebooks, and <see cref="RemoteGrader"/> runs every check here
/// against it (notebook problems, checks, verdict).
/// </summary>
/// <param name="module">The instructor's sources.</param>
/// <param name="runner">The runner program.</param>
/// <param name="options">Time limits; <see cref="GraderOptions.Sandboxed"/> for the wording of refused accesses.</param>
/// <param name="account">The unprivileged account each runner runs as (without a sandbox); null for none.</param>
public sealed class RunnerGrader(ModuleNotebooks module, RunnerProgram runner, GraderOptions options, RunnerAccount? account = null) : IRunnerGrader
{
    // Prepared while a submission's folder is laid out, taken when it is graded; several are graded at once.
    private readonly ConcurrentDictionary<string, PreparedSubmission> _prepared = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public ProcessStartInfo Prepare(string submission, string gradingFolder)
    {
        // What the previous submission left running as the account ends before this one's folder is given to it.
        account?.EndProcesses();
        var folder = new GradingFolder(gradingFolder);
        _prepared[gradingFolder] = RunnerIntake.Prepare(module, submission, folder, runner, options.CellTimeout);
        var start = runner.StartInfo(folder);
        return account?.Wrap(start, gradingFolder) ?? start;
    }

    /// <inheritdoc/>
    public Task<SubmissionResult> GradeAsync(GradingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return RemoteGrader.GradeAsync(session, _prepared.TryRemove(session.GradingFolder, out var prepared)
            ? prepared
            : throw new InvalidOperationException($"{session.GradingFolder} was not prepared."), options);
    }
}
