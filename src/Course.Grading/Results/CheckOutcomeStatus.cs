using System.Text.Json.Serialization;
using Course.Grading.Output;

namespace Course.Grading.Results;

/// <summary>
/// What became of one graded check, most serious first: the order is the severity (a check grading never reached,
/// then one stopped, then one that could not find the code, ..., then one that passed). The words are the writers'
/// (<see cref="StatusWords"/>).
/// </summary>
[JsonConverter(typeof(StatusJsonConverter))]
public enum CheckOutcomeStatus
{
    /// <summary>Grading ended before the check ran (the runner died, the time was up).</summary>
    NotRun,

    /// <summary>The check ran longer than its time limit, or its exercise had already timed out.</summary>
    TimedOut,

    /// <summary>The check found no student code to run (its notebook or check cell did not run).</summary>
    Missing,

    /// <summary>The exercise is still the released stub.</summary>
    NotImplemented,

    /// <summary>The check ran and the code did not do what it should.</summary>
    Failed,

    /// <summary>The check ran and passed.</summary>
    Passed,
}
