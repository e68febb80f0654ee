using System.CommandLine;
using System.Globalization;

namespace Course.Cli.Commands;

/// <summary>
/// The <c>--timeout SECONDS</c> option of <c>course run</c> and <c>course validate</c>: 0 for no limit, else a positive
/// number of seconds that a <see cref="TimeSpan"/> can hold (a cancellation timer takes whole milliseconds in an int).
/// </summary>
public static class TimeoutOption
{
    /// <summary>Creates the option.</summary>
    /// <param name="description">What the limit applies to, for <c>--help</c>.</param>
    /// <param name="defaultValue">The limit when the option is not given.</param>
    /// <returns>The option.</returns>
    public static Option<double> Create(string description, TimeSpan defaultValue)
    {
        double seconds = defaultValue.TotalSeconds;
        return new Option<double>("--timeout")
        {
            Description = description,
            DefaultValueFactory = _ => seconds,
            HelpName = "SECONDS",
        };
    }

    /// <summary>The limit given, or null after saying on the error writer why it cannot be one.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="option">The option <see cref="Create"/> made.</param>
    /// <param name="verb">The command's name, for the message (<c>run</c>).</param>
    /// <returns>The limit (<see cref="Timeout.InfiniteTimeSpan"/> for 0), or null.</returns>
    public static async Task<TimeSpan?> ReadAsync(ParseResult parse, Option<double> option, string verb)
    {
        ArgumentNullException.ThrowIfNull(parse);
        double seconds = parse.GetValue(option);
        if (seconds < 0 || double.IsNaN(seconds) || seconds > int.MaxValue / 1000.0)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(
                $"course {verb}: --timeout must be 0 (no limit) or a positive number of seconds, but was {seconds.ToString(CultureInfo.InvariantCulture)}.").ConfigureAwait(false);
            return null;
        }

        return seconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);
    }
}
