namespace Course.Grading.Results;

/// <summary>
/// The statuses a submission can end with, the words the gradebook and feedback show. A submission
/// with several problems gets the status of the most serious one (<see cref="Rank"/>); its reason
/// lists every problem.
/// </summary>
public static class SubmissionStatus
{
    /// <summary>Every notebook ran and every check ran; points as earned.</summary>
    public const string Graded = "graded";

    /// <summary>The grading process ran past its wall-time or CPU-time limit, or a cell or check did.</summary>
    public const string TimedOut = "timed out";

    /// <summary>The grading process died (stack overflow, a native crash).</summary>
    public const string Crashed = "crashed";

    /// <summary>The submission ran out of its memory allowance.</summary>
    public const string OutOfMemory = "out of memory";

    /// <summary>The submission ended the grading process itself (<c>Environment.Exit</c>).</summary>
    public const string ExitedEarly = "exited early";

    /// <summary>A solution uses the reference library instead of implementing the exercise.</summary>
    public const string CallsReference = "calls the reference implementation";

    /// <summary>A locked (check or setup) cell was edited or deleted; the original was restored and graded.</summary>
    public const string LockedCellRestored = "locked cell restored";

    /// <summary>One or more of the module's notebooks were not in the submission.</summary>
    public const string MissingNotebooks = "missing notebooks";

    /// <summary>
    /// A notebook file could not be read as a notebook (not JSON, not nbformat, over a limit), or was not read at all:
    /// a link, a named pipe, a device, a socket or a folder in its place, or a file too large. The reason says which.
    /// </summary>
    public const string UnreadableNotebook = "unreadable notebook";

    /// <summary>A notebook had no cells.</summary>
    public const string EmptyNotebook = "empty notebook";

    /// <summary>A notebook has none of the cells of the module notebook it is named after.</summary>
    public const string WrongNotebook = "notebook from another module";

    /// <summary>A cell did not compile.</summary>
    public const string CompileError = "compile error";

    /// <summary>The sandbox refused something a cell tried (writing outside its folder, the network).</summary>
    public const string BlockedBySandbox = "blocked by the sandbox";

    /// <summary>A cell threw an exception at its top level.</summary>
    public const string ErrorInCell = "error in cell";

    /// <summary>A cell printed more than the grader keeps; the middle of its output was cut.</summary>
    public const string OutputCapped = "output capped";

    private static readonly string[] BySeverity =
    [
        Crashed, OutOfMemory, ExitedEarly, TimedOut, CallsReference, LockedCellRestored, MissingNotebooks,
        UnreadableNotebook, EmptyNotebook, WrongNotebook, CompileError, BlockedBySandbox, ErrorInCell,
        OutputCapped, Graded,
    ];

    /// <summary>Every status, most serious first.</summary>
    public static IReadOnlyList<string> All => BySeverity;

    /// <summary>How serious a status is: 0 is the most serious; a status not listed here ranks as the least serious problem, just before <see cref="Graded"/>.</summary>
    /// <param name="status">A status.</param>
    /// <returns>Its rank.</returns>
    public static int Rank(string status)
    {
        int i = Array.IndexOf(BySeverity, status);
        return i >= 0 ? i : BySeverity.Length - 2;
    }
}
