using System.Text.Json.Serialization;
using Course.Grading.Output;

namespace Course.Grading.Results;

/// <summary>
/// What happened to one notebook of a submission, most serious first: the order is the severity. The words are the
/// writers' (<see cref="StatusWords"/>); those of a notebook that cannot run are the submission statuses it gives
/// (<see cref="SubmissionStatusOf"/>).
/// </summary>
[JsonConverter(typeof(StatusJsonConverter))]
public enum NotebookStatus
{
    /// <summary>Grading stopped before the notebook's checks ran (the runner died, the time was up).</summary>
    NotFinished,

    /// <summary>The notebook was not in the submission.</summary>
    Missing,

    /// <summary>The notebook could not be read as a notebook, or was not read at all (a link, a pipe, too large).</summary>
    Unreadable,

    /// <summary>The notebook has no cells.</summary>
    Empty,

    /// <summary>The notebook has none of the cells of the module notebook it is named after.</summary>
    FromAnotherModule,

    /// <summary>Prepared (locked cells restored) and ready to run; not yet run.</summary>
    Ready,

    /// <summary>The notebook ran (its cells' problems, if any, are listed with it).</summary>
    Ran,
}
