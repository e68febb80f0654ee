using System.Text.Json.Serialization;
using Course.Grading.Output;

namespace Course.Grading.Results;

/// <summary>
/// The statuses a submission can end with, most serious first: the order is the severity. A submission with several
/// problems gets the status of the most serious one (the smallest value); its reason lists every problem. The words
/// the gradebook, feedback and <c>result.json</c> show are the writers' (<see cref="StatusWords"/>).
/// </summary>
/// <remarks>
/// Course.Grading runs notebook submissions of this course: these are a notebook submission's statuses (compile
/// errors, cells, locked cells, a solution calling the withheld reference), not those of any grader.
/// </remarks>
[JsonConverter(typeof(StatusJsonConverter))]
public enum SubmissionStatus
{
    /// <summary>The grading process died (stack overflow, a native crash).</summary>
    Crashed,

    /// <summary>The submission ran out of its memory allowance.</summary>
    OutOfMemory,

    /// <summary>The submission ended the grading process itself (<c>Environment.Exit</c>).</summary>
    ExitedEarly,

    /// <summary>The grading process ran past its wall-time or CPU-time limit, or a cell or check did.</summary>
    TimedOut,

    /// <summary>A solution uses the reference library instead of implementing the exercise.</summary>
    CallsReference,

    /// <summary>A locked (check or setup) cell was edited or deleted; the original was restored and graded.</summary>
    LockedCellRestored,

    /// <summary>One or more of the module's notebooks were not in the submission.</summary>
    MissingNotebooks,

    /// <summary>
    /// A notebook file could not be read as a notebook (not JSON, not nbformat, over a limit), or was not read at all:
    /// a link, a named pipe, a device, a socket or a folder in its place, or a file too large. The reason says which.
    /// </summary>
    UnreadableNotebook,

    /// <summary>A notebook had no cells.</summary>
    EmptyNotebook,

    /// <summary>A notebook has none of the cells of the module notebook it is named after.</summary>
    WrongNotebook,

    /// <summary>A cell did not compile.</summary>
    CompileError,

    /// <summary>The sandbox refused something a cell tried (writing outside its folder, the network).</summary>
    BlockedBySandbox,

    /// <summary>A cell threw an exception at its top level.</summary>
    ErrorInCell,

    /// <summary>A cell printed more than the grader keeps; the middle of its output was cut.</summary>
    OutputCapped,

    /// <summary>Every notebook ran and every check ran; points as earned. The least serious: nothing went wrong.</summary>
    Graded,
}
