using System.Globalization;
using System.Text.RegularExpressions;

namespace Course.Grading.LateSubmissions;

/// <summary>
/// How many points a late submission loses, as nbgrader's late-submission penalty does: <see cref="None"/>,
/// <see cref="Zero"/> (a late submission earns nothing), or an amount for every started hour or day late, in points
/// or in percent of the maximum score. A penalty never takes more than the points earned, so a score stays at least 0.
/// </summary>
/// <remarks>
/// Written as text the way <c>course grade --late-penalty</c> takes it: <c>none</c>, <c>zero</c>, <c>5/hour</c>,
/// <c>2.5/day</c>, <c>10%/day</c>. "Started" because that is how a course states it ("10% per day or part of a day"):
/// one second late costs one period.
/// </remarks>
public sealed partial record LatePenalty
{
    private LatePenalty(double amount, bool percentOfMaximum, TimeSpan? period, bool zeroes)
    {
        Amount = amount;
        PercentOfMaximum = percentOfMaximum;
        Period = period;
        Zeroes = zeroes;
    }

    /// <summary>No penalty: a late submission keeps its points (the timestamp is still recorded).</summary>
    public static LatePenalty None { get; } = new(0, false, null, false);

    /// <summary>A late submission earns nothing.</summary>
    public static LatePenalty Zero { get; } = new(0, false, null, true);

    /// <summary>The points (or percent of the maximum, <see cref="PercentOfMaximum"/>) lost per started <see cref="Period"/>.</summary>
    public double Amount { get; }

    /// <summary>Whether <see cref="Amount"/> is a percentage of the maximum score rather than points.</summary>
    public bool PercentOfMaximum { get; }

    /// <summary>The period each <see cref="Amount"/> is lost for (an hour or a day); null for <see cref="None"/> and <see cref="Zero"/>.</summary>
    public TimeSpan? Period { get; }

    /// <summary>Whether a late submission loses every point (<see cref="Zero"/>).</summary>
    public bool Zeroes { get; }

    /// <summary>A penalty of <paramref name="amount"/> for every started <paramref name="period"/> late.</summary>
    /// <param name="amount">Points, or percent of the maximum score; positive.</param>
    /// <param name="percentOfMaximum">Whether <paramref name="amount"/> is a percentage of the maximum score.</param>
    /// <param name="period">The period: positive.</param>
    /// <returns>The penalty.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The amount or the period is not positive, or a percentage is over 100.</exception>
    public static LatePenalty Per(double amount, bool percentOfMaximum, TimeSpan period)
    {
        if (!double.IsFinite(amount) || amount <= 0 || (percentOfMaximum && amount > 100))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount,
                string.Create(CultureInfo.InvariantCulture, $"A late penalty's amount must be positive{(percentOfMaximum ? " and at most 100%" : "")}, but was {amount}{(percentOfMaximum ? "%" : "")}."));
        }

        if (period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"A late penalty's period must be positive, but was {period}.");
        }

        return new LatePenalty(amount, percentOfMaximum, period, false);
    }

    /// <summary>Reads a penalty written as <c>none</c>, <c>zero</c>, or an amount per hour or day: <c>5/hour</c>, <c>2.5/day</c>, <c>10%/day</c>.</summary>
    /// <param name="text">The text (case and surrounding spaces do not matter).</param>
    /// <returns>The penalty.</returns>
    /// <exception cref="FormatException">The text is none of these; the message quotes it.</exception>
    public static LatePenalty Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (trimmed.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return None;
        }

        if (trimmed.Equals("zero", StringComparison.OrdinalIgnoreCase))
        {
            return Zero;
        }

        var match = PerPeriod().Match(trimmed);
        if (!match.Success
            || !double.TryParse(match.Groups["amount"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double amount)
            || amount <= 0
            || (match.Groups["percent"].Success && amount > 100))
        {
            throw new FormatException(
                $"The late penalty '{text}' is not one of: none, zero, POINTS/hour, POINTS/day, PERCENT%/hour, PERCENT%/day (a positive amount, a percentage at most 100; for example 10%/day).");
        }

        var period = match.Groups["unit"].Value.StartsWith('h') ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
        return Per(amount, match.Groups["percent"].Success, period);
    }

    /// <summary>The points lost by a submission <paramref name="late"/> past the due date.</summary>
    /// <param name="late">How late it is; zero or negative: on time.</param>
    /// <param name="rawScore">The points it earned.</param>
    /// <param name="maxScore">The points available.</param>
    /// <returns>The penalty in points, between 0 and <paramref name="rawScore"/>.</returns>
    public double For(TimeSpan late, double rawScore, double maxScore)
    {
        if (late <= TimeSpan.Zero || rawScore <= 0)
        {
            return 0;
        }

        if (Zeroes)
        {
            return rawScore;
        }

        if (Period is not { } period)
        {
            return 0;
        }

        double started = Math.Ceiling(late.Ticks / (double)period.Ticks);
        double perPeriod = PercentOfMaximum ? maxScore * Amount / 100 : Amount;
        return Math.Min(rawScore, started * perPeriod);
    }

    /// <summary>The penalty as <see cref="Parse"/> reads it: <c>none</c>, <c>zero</c>, <c>5/hour</c>, <c>10%/day</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Zeroes ? "zero"
        : Period is not { } period ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"{Amount:0.###}{(PercentOfMaximum ? "%" : "")}/{(period == TimeSpan.FromHours(1) ? "hour" : period == TimeSpan.FromDays(1) ? "day" : period.ToString())}");

    [GeneratedRegex(@"^(?<amount>\d+(\.\d+)?)\s*(?<percent>%)?\s*(/|\s+per\s+)\s*(?<unit>hour|h|day|d)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PerPeriod();
}
