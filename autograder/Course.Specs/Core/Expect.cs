using System.Globalization;
using TinyTorch;

namespace Course.Specs.Core;

/// <summary>
/// Assertions for graded properties. Each failure message names the expectation and what was seen,
/// because it is shown to a student as feedback.
/// </summary>
public static class Expect
{
    /// <summary>Fails with "<paramref name="expectation"/>, but <paramref name="observed"/>" unless <paramref name="condition"/> holds.</summary>
    /// <param name="condition">The property.</param>
    /// <param name="expectation">What should be true, phrased for a student.</param>
    /// <param name="observed">What was seen instead.</param>
    public static void That(bool condition, string expectation, Func<string> observed)
    {
        if (!condition)
        {
            throw new SpecFailure($"{expectation}, but {observed()}.");
        }
    }

    /// <summary>Fails unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="expected">The expected value.</param>
    /// <param name="actual">The value seen.</param>
    /// <param name="what">What the value is, e.g. "Count of a dataset of 5 rows".</param>
    public static void Equal<T>(T expected, T actual, string what) =>
        That(EqualityComparer<T>.Default.Equals(expected, actual), $"Expected {what} to be {Show(expected)}", () => $"it was {Show(actual)}");

    /// <summary>Fails unless <paramref name="actual"/> has the expected shape and values (equal within a relative 1e-6).</summary>
    /// <param name="expected">The expected tensor.</param>
    /// <param name="actual">The tensor seen.</param>
    /// <param name="what">What the tensor is, e.g. "row 3 of tensor 0".</param>
    public static void SameTensor(Tensor expected, Tensor? actual, string what)
    {
        That(actual is not null, $"Expected {what} to be a tensor", () => "it was null");
        That(expected.Shape.SequenceEqual(actual!.Shape), $"Expected {what} to have shape {ShapeOf(expected)}", () => $"it had shape {ShapeOf(actual)}");
        var e = expected.Values;
        var a = actual.Values;
        for (int i = 0; i < e.Length; i++)
        {
            // A relative tolerance of 1e-6 (a few float32 ulps): x / 255f and x * (1f / 255f) are both right.
            if (!(Math.Abs(e[i] - a[i]) <= 1e-6f * Math.Max(1f, Math.Abs(e[i]))) && !(float.IsNaN(e[i]) && float.IsNaN(a[i])))
            {
                throw new SpecFailure(
                    $"Expected {what} to hold the same values as the reference, but value {i} (in row-major order) was " +
                    $"{a[i].ToString(CultureInfo.InvariantCulture)} instead of {e[i].ToString(CultureInfo.InvariantCulture)}.");
            }
        }
    }

    /// <summary>
    /// Fails unless <paramref name="action"/> throws an exception of one of the accepted types (or a
    /// subtype) whose message contains every one of <paramref name="mustMention"/>.
    /// </summary>
    /// <param name="action">The call that must be rejected.</param>
    /// <param name="call">The call as the student would write it, for the message.</param>
    /// <param name="accepted">The acceptable exception types.</param>
    /// <param name="mustMention">Text the message must contain, such as the offending value.</param>
    /// <returns>The exception thrown.</returns>
    public static Exception Throws(Action action, string call, Type[] accepted, params string[] mustMention)
    {
        string names = string.Join(" or ", accepted.Select(t => t.Name));
        try
        {
            action();
        }
        catch (Exception e) when (e is not SpecFailure and not NotImplementedException)
        {
            That(accepted.Any(t => t.IsInstanceOfType(e)), $"Expected {call} to throw {names}", () => $"it threw {e.GetType().Name}: {e.Message}");
            foreach (string text in mustMention)
            {
                That(e.Message.Contains(text, StringComparison.Ordinal),
                    $"Expected the message of the {e.GetType().Name} from {call} to mention {text}", () => $"it said \"{e.Message}\"");
            }

            return e;
        }

        throw new SpecFailure($"Expected {call} to throw {names}, but it returned normally.");
    }

    /// <summary>Formats a tensor's shape as <c>[2, 3]</c>.</summary>
    /// <param name="tensor">The tensor.</param>
    /// <returns>The shape in brackets.</returns>
    public static string ShapeOf(Tensor tensor) => "[" + string.Join(", ", tensor.Shape) + "]";

    private static string Show<T>(T value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
