using Course.Grading.LateSubmissions;
using Course.Grading.Results;
using Course.Grading.Sandboxing;

namespace Course.Grading.Running;

/// <summary>How <see cref="GradingRun"/> grades a class.</summary>
public sealed record GradingRunOptions
{
    /// <summary>Where the gradebook, summary and per-student folders go.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The module's notebooks, in order: one gradebook column each.</summary>
    public required IReadOnlyList<string> Notebooks { get; init; }

    /// <summary>
    /// The notebooks a submission is graded on, given its path: a subset of <see cref="Notebooks"/> (one notebook for a
    /// submission that is one notebook file). Null: every submission is graded on all of them. A submission that cannot
    /// be graded at all is reported with the checks of these notebooks only.
    /// </summary>
    public Func<string, IReadOnlyList<string>>? NotebooksOf { get; init; }

    /// <summary>How the module prepares each submission for its runner and grades it through the runner.</summary>
    public required IRunnerGrader Grader { get; init; }

    /// <summary>The content fingerprint of a submission; an unchanged one is not graded again.</summary>
    public required Func<string, string> Fingerprint { get; init; }

    /// <summary>
    /// Every check of the module, not yet run (score 0): when a submission cannot be graded at all, its checks are
    /// reported from this list, so the maximum score stays the module's.
    /// </summary>
    public IReadOnlyList<CheckOutcome> AllChecks { get; init; } = [];

    /// <summary>How many submissions are graded at once (each in its own process); at least 1.</summary>
    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Grade every submission again, even unchanged ones.</summary>
    public bool Force { get; init; }

    /// <summary>The wall time one submission may take before its process is killed.</summary>
    public TimeSpan WallTimeLimit { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The managed-heap limit of a grading process, in bytes (enforced by the .NET runtime).</summary>
    public long MemoryLimitBytes { get; init; } = 2L << 30;

    /// <summary>
    /// The CPU time one grading process may use (RLIMIT_CPU, whole seconds, rounded up), sandboxed or
    /// not. Null: twice <see cref="WallTimeLimit"/>, which a process that keeps two cores busy reaches
    /// as its wall time runs out; one that spins up many threads is stopped sooner.
    /// </summary>
    public TimeSpan? CpuTimeLimit { get; init; }

    /// <summary>The sandbox each grading process runs in; null: none, which the run warns about (<see cref="Warnings"/>).</summary>
    public Sandbox? Sandbox { get; init; }

    /// <summary>Why there is no <see cref="Sandbox"/>, for the warning (for example <see cref="SandboxDetection.Reason"/>).</summary>
    public string UnsandboxedReason { get; init; } = "no sandbox was configured";

    /// <summary>
    /// Where the run writes its warnings (grading unsandboxed): once prominently at the start, and one
    /// line again at the end. Null: nowhere.
    /// </summary>
    public TextWriter? Warnings { get; init; }

    /// <summary>
    /// Each result's timestamp and late penalty, for the gradebook's <c>timestamp</c> and <c>late_submission_penalty</c>
    /// columns (<see cref="Output.GradebookWriter"/>); asked again whenever the gradebook is written, so a result kept from an
    /// earlier run is judged by this run's due date. Null: the gradebook has neither column.
    /// </summary>
    public Func<SubmissionResult, Lateness>? Lateness { get; init; }
}
