namespace Course.Grading.Results;

/// <summary>
/// One graded check of one submission, as the gradebook and feedback show it: what the check is (<see cref="Id"/> to
/// <see cref="Points"/>, <see cref="Hint"/>, <see cref="Hidden"/>) and what came of it (<see cref="Score"/>,
/// <see cref="Status"/>, <see cref="Message"/>, <see cref="Measured"/>, <see cref="Seconds"/>). Named properties, not
/// eleven positional ones: a score and its points, or a message and its hint, cannot swap places unnoticed.
/// </summary>
/// <remarks>The properties are declared in the order <c>result.json</c> has always held them.</remarks>
public sealed record CheckOutcome
{
    /// <summary>The check's id.</summary>
    public required string Id { get; init; }

    /// <summary>The grade_id of the notebook cell it is graded in.</summary>
    public required string GradeId { get; init; }

    /// <summary>The notebook that cell belongs to.</summary>
    public required string Notebook { get; init; }

    /// <summary>What the check verifies.</summary>
    public required string Title { get; init; }

    /// <summary>Points available.</summary>
    public required double Points { get; init; }

    /// <summary>Points earned.</summary>
    public double Score { get; init; }

    /// <summary>What became of the check.</summary>
    public required CheckOutcomeStatus Status { get; init; }

    /// <summary>What was expected and what was seen (empty when passed).</summary>
    public string Message { get; init; } = "";

    /// <summary>Where to look when it fails.</summary>
    public string Hint { get; init; } = "";

    /// <summary>Whether the check is hidden from students (feedback names it only).</summary>
    public bool Hidden { get; init; }

    /// <summary>A measured figure behind the result, such as a time ratio.</summary>
    public double? Measured { get; init; }

    /// <summary>Wall seconds the check took, when it ran: where grading time goes (never part of the score).</summary>
    public double? Seconds { get; init; }
}
