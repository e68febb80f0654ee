namespace Course.Grading.Results;

/// <summary>One graded check of one submission, as the gradebook and feedback show it.</summary>
/// <param name="Id">The check's id.</param>
/// <param name="GradeId">The grade_id of the notebook cell it is graded in.</param>
/// <param name="Notebook">The notebook that cell belongs to.</param>
/// <param name="Title">What the check verifies.</param>
/// <param name="Points">Points available.</param>
/// <param name="Score">Points earned.</param>
/// <param name="Status">passed, failed, not implemented, timed out or missing.</param>
/// <param name="Message">What was expected and what was seen (empty when passed).</param>
/// <param name="Hint">Where to look when it fails.</param>
/// <param name="Hidden">Whether the check is hidden from students (feedback names it only).</param>
/// <param name="Measured">A measured figure behind the result, such as a time ratio.</param>
public sealed record CheckOutcome(
    string Id, string GradeId, string Notebook, string Title, double Points, double Score,
    string Status, string Message, string Hint, bool Hidden, double? Measured)
{
    /// <summary>Wall seconds the check took, when it ran: where grading time goes (never part of the score).</summary>
    public double? Seconds { get; init; }
}
