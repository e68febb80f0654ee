using System.Diagnostics;
using Course.Grading.Results;

namespace Course.Grading.Running;

/// <summary>How <see cref="GradingRun"/> grades a class.</summary>
public sealed record GradingRunOptions
{
    /// <summary>Where the gradebook, summary and per-student folders go.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The module's notebooks, in order: one gradebook column each.</summary>
    public required IReadOnlyList<string> Notebooks { get; init; }

    /// <summary>
    /// Makes the command line of the process that grades one submission: given the submission, the
    /// result file it must write and the progress file it appends to as checks finish.
    /// </summary>
    public required Func<string, string, string, ProcessStartInfo> GradingProcess { get; init; }

    /// <summary>The content fingerprint of a submission; an unchanged one is not graded again.</summary>
    public required Func<string, string> Fingerprint { get; init; }

    /// <summary>
    /// Every check of the module, not yet run (score 0): when a grading process dies, the checks it did
    /// not reach are reported from this list, so the maximum score stays the module's.
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
}
