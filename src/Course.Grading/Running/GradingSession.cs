using System.Diagnostics;

namespace Course.Grading.Running;

/// <summary>
/// One submission being graded: the runner process (started, in its sandbox and under its caps, its standard input
/// and output free for the module's protocol), and what the module tells the run back.
/// </summary>
/// <param name="process">The runner process.</param>
/// <param name="studentId">The student.</param>
/// <param name="gradingFolder">The submission's grading folder (the sandbox's one writable folder).</param>
/// <param name="stopping">Cancelled when the wall time is up or the run is stopped; the process is killed then.</param>
public sealed class GradingSession(Process process, string studentId, string gradingFolder, CancellationToken stopping)
{
    /// <summary>The runner process; its standard input and output carry the module's protocol.</summary>
    public Process Process { get; } = process;

    /// <summary>The student.</summary>
    public string StudentId { get; } = studentId;

    /// <summary>The grading folder.</summary>
    public string GradingFolder { get; } = gradingFolder;

    /// <summary>Cancelled when grading must stop.</summary>
    public CancellationToken Stopping { get; } = stopping;

    /// <summary>
    /// Set by the module when the runner went away before grading was done (it exited, crashed or was killed): the
    /// run then says why, from the exit code and the log, in place of the module's status.
    /// </summary>
    public bool RunnerEndedEarly { get; set; }

    /// <summary>
    /// What grading was doing as the module last heard (<c>03-dataloader.ipynb cell 9</c>, <c>check collate-time</c>), or
    /// null: named in the reason when the submission runs out of time. Possibly the runner's words, so only ever shown.
    /// </summary>
    public string? Activity { get; set; }
}
