using System.Globalization;

namespace Course.Grading.LateSubmissions;

/// <summary>
/// A due date and the penalty for missing it, as nbgrader applies them: a submission's timestamp after <see cref="Due"/>
/// costs what <see cref="Penalty"/> says; one without a timestamp costs nothing (nbgrader does the same), and the
/// gradebook shows its timestamp empty.
/// </summary>
/// <param name="Due">The due date, with its UTC offset (a time without a zone would mean a different instant on every machine).</param>
/// <param name="Penalty">The penalty rule.</param>
public sealed record LatePolicy(DateTimeOffset Due, LatePenalty Penalty)
{
    /// <summary>The timestamp and penalty of a submission made at <paramref name="submitted"/>.</summary>
    /// <param name="submitted">When it was submitted; null when unknown.</param>
    /// <param name="rawScore">The points it earned.</param>
    /// <param name="maxScore">The points available.</param>
    /// <returns>How late it is and what that costs.</returns>
    public Lateness Assess(DateTimeOffset? submitted, double rawScore, double maxScore)
    {
        ArgumentNullException.ThrowIfNull(Penalty);
        if (submitted is not { } at)
        {
            return Lateness.Unknown;
        }

        var late = at > Due ? at - Due : TimeSpan.Zero;
        return new Lateness(at, late, Penalty.For(late, rawScore, maxScore));
    }

    /// <summary>
    /// Reads a due date written in ISO 8601 with its UTC offset: <c>2025-03-07T23:59:00+01:00</c>,
    /// <c>2025-03-07T22:59:00Z</c> (a space may stand for the <c>T</c>).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The instant.</returns>
    /// <exception cref="FormatException">It is not such a date, or it has no offset; the message quotes it.</exception>
    public static DateTimeOffset ParseDue(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim().Replace(' ', 'T');
        // The offset is required: "23:59" alone is a different instant in every time zone the grader might run in.
        bool hasOffset = trimmed.EndsWith('Z') || trimmed.EndsWith('z')
            || (trimmed.Length > 6 && (trimmed[^6] is '+' or '-') && trimmed[^3] == ':');
        if (!hasOffset || !DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
        {
            throw new FormatException(
                $"The due date '{text}' is not an ISO 8601 date and time with a UTC offset, such as 2025-03-07T23:59:00+01:00 or 2025-03-07T22:59:00Z.");
        }

        return due;
    }

    /// <summary>A timestamp as the gradebook writes it: ISO 8601 to the second, with its offset.</summary>
    /// <param name="timestamp">The timestamp.</param>
    /// <returns>The text, for example <c>2025-03-07T23:59:00+01:00</c>.</returns>
    public static string Format(DateTimeOffset timestamp) => timestamp.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
