using Course.Grading.Results;

namespace Course.Grading.Output;

/// <summary>
/// The words every writer shows for a status (gradebook CSV, feedback, Gradescope results, the terminal, the class
/// summary) and <c>result.json</c> holds: the one place they are spelled. They are read back by gradebooks, tests and
/// later runs (a kept <c>result.json</c>), so each stays exactly as it has always been written.
/// </summary>
public static class StatusWords
{
    /// <summary>A submission status as the gradebook shows it: <c>graded</c>, <c>timed out</c>, <c>calls the reference implementation</c>, ...</summary>
    /// <param name="status">The status.</param>
    /// <returns>Its word.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is no status.</exception>
    public static string Of(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Graded => "graded",
        SubmissionStatus.TimedOut => "timed out",
        SubmissionStatus.Crashed => "crashed",
        SubmissionStatus.OutOfMemory => "out of memory",
        SubmissionStatus.ExitedEarly => "exited early",
        SubmissionStatus.CallsReference => "calls the reference implementation",
        SubmissionStatus.LockedCellRestored => "locked cell restored",
        SubmissionStatus.MissingNotebooks => "missing notebooks",
        SubmissionStatus.UnreadableNotebook => "unreadable notebook",
        SubmissionStatus.EmptyNotebook => "empty notebook",
        SubmissionStatus.WrongNotebook => "notebook from another module",
        SubmissionStatus.CompileError => "compile error",
        SubmissionStatus.BlockedBySandbox => "blocked by the sandbox",
        SubmissionStatus.ErrorInCell => "error in cell",
        SubmissionStatus.OutputCapped => "output capped",
        _ => throw Unknown(status),
    };

    /// <summary>A check's status as feedback and <c>result.json</c> show it: <c>passed</c>, <c>not implemented</c>, <c>not run</c>, ...</summary>
    /// <param name="status">The status.</param>
    /// <returns>Its word.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is no status.</exception>
    public static string Of(CheckOutcomeStatus status) => status switch
    {
        CheckOutcomeStatus.Passed => "passed",
        CheckOutcomeStatus.Failed => "failed",
        CheckOutcomeStatus.NotImplemented => "not implemented",
        CheckOutcomeStatus.TimedOut => "timed out",
        CheckOutcomeStatus.Missing => "missing",
        CheckOutcomeStatus.NotRun => "not run",
        _ => throw Unknown(status),
    };

    /// <summary>
    /// A notebook's status as <c>result.json</c> holds it: <c>ran</c>, <c>ready</c>, <c>not finished</c>, or, for a
    /// notebook that cannot run, the word of the submission status it gives (<c>missing notebooks</c>, ...).
    /// </summary>
    /// <param name="status">The status.</param>
    /// <returns>Its word.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is no status.</exception>
    public static string Of(NotebookStatus status) => status switch
    {
        NotebookStatus.Ran => "ran",
        NotebookStatus.Ready => "ready",
        NotebookStatus.NotFinished => "not finished",
        _ when SubmissionStatusOf.Notebook(status) is { } submission => Of(submission),
        _ => throw Unknown(status),
    };

    /// <summary>The status a word names: the inverse of <c>Of</c>.</summary>
    /// <typeparam name="T"><see cref="SubmissionStatus"/>, <see cref="CheckOutcomeStatus"/> or <see cref="NotebookStatus"/>.</typeparam>
    /// <param name="word">A word as <c>Of</c> writes it (exactly: case and spaces count).</param>
    /// <param name="status">The status it names.</param>
    /// <returns>Whether it names one.</returns>
    public static bool TryParse<T>(string? word, out T status)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(Word(value), word, StringComparison.Ordinal))
            {
                status = value;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>The word of any of the three status types.</summary>
    /// <typeparam name="T"><see cref="SubmissionStatus"/>, <see cref="CheckOutcomeStatus"/> or <see cref="NotebookStatus"/>.</typeparam>
    /// <param name="status">The status.</param>
    /// <returns>Its word.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is no status type.</exception>
    public static string Word<T>(T status)
        where T : struct, Enum => status switch
        {
            SubmissionStatus s => Of(s),
            CheckOutcomeStatus c => Of(c),
            NotebookStatus n => Of(n),
            _ => throw new ArgumentException($"{typeof(T).Name} is not a grading status.", nameof(status)),
        };

    private static ArgumentOutOfRangeException Unknown<T>(T status)
        where T : struct, Enum =>
        new(nameof(status), status, $"{status} is not a {typeof(T).Name}.");
}
