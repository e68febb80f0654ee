namespace Course.Grading.Results;

/// <summary>The submission status a notebook that cannot run gives its submission.</summary>
public static class SubmissionStatusOf
{
    /// <summary>
    /// The status <paramref name="notebook"/> gives its submission: a missing notebook makes it <c>missing notebooks</c>,
    /// and so on; null for a notebook that is ready, ran, or was stopped (the reason for that is the run's).
    /// </summary>
    /// <param name="notebook">A notebook's status.</param>
    /// <returns>The submission status, or null.</returns>
    public static SubmissionStatus? Notebook(NotebookStatus notebook) => notebook switch
    {
        NotebookStatus.Missing => SubmissionStatus.MissingNotebooks,
        NotebookStatus.Unreadable => SubmissionStatus.UnreadableNotebook,
        NotebookStatus.Empty => SubmissionStatus.EmptyNotebook,
        NotebookStatus.FromAnotherModule => SubmissionStatus.WrongNotebook,
        _ => null,
    };

    /// <summary>Whether a notebook with this status could not run at all: missing, unreadable, empty or from another module.</summary>
    /// <param name="notebook">A notebook's status.</param>
    /// <returns>True when it could not run.</returns>
    public static bool CannotRun(NotebookStatus notebook) => Notebook(notebook) is not null;
}
