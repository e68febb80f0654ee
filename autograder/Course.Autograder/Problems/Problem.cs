using Course.Grading.Results;

namespace Course.Autograder.Problems;

/// <summary>One problem found while grading a submission: where, the status it gives the submission, and what to tell the student.</summary>
public sealed record Problem
{
    /// <summary>Makes a problem.</summary>
    /// <param name="location">Where it happened.</param>
    /// <param name="status">The status it gives the submission; never <see cref="SubmissionStatus.Graded"/>.</param>
    /// <param name="message">The student-facing line, naming where it happened (the reason quotes it whole).</param>
    /// <exception cref="ArgumentNullException"><paramref name="location"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is no problem's status.</exception>
    /// <exception cref="ArgumentException"><paramref name="message"/> is null or empty.</exception>
    public Problem(ProblemLocation location, SubmissionStatus status, string message)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentException.ThrowIfNullOrEmpty(message);
        // Graded is the absence of problems: a problem with that status would vanish from the verdict.
        if (status == SubmissionStatus.Graded || !Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, $"A problem's status is a problem, not {status}.");
        }

        Location = location;
        Status = status;
        Message = message;
    }

    /// <summary>Where it happened.</summary>
    public ProblemLocation Location { get; }

    /// <summary>The status it gives the submission.</summary>
    public SubmissionStatus Status { get; }

    /// <summary>The student-facing line.</summary>
    public string Message { get; }

    /// <summary>Takes the problem apart.</summary>
    /// <param name="location">Where.</param>
    /// <param name="status">Its status.</param>
    /// <param name="message">Its line.</param>
    public void Deconstruct(out ProblemLocation location, out SubmissionStatus status, out string message) =>
        (location, status, message) = (Location, Status, Message);
}
