using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Grading.Results;

namespace Course.Grading.Output;

/// <summary>
/// Writes a submission's result in Gradescope's autograder format (<c>results.json</c>: score, execution_time, output,
/// and one entry per test with name, score, max_score, output, visibility and status), so the same checks can run on
/// Gradescope's machines when a course outgrows one (<c>course gradescope</c>, docs/GRADESCOPE.md).
/// </summary>
public static class GradescopeWriter
{
    /// <summary>Gradescope's visibility for a test students see once the instructor publishes the grades: the default for hidden checks.</summary>
    public const string AfterPublished = "after_published";

    /// <summary>Gradescope's visibility for a test students never see (the instructor does).</summary>
    public const string Hidden = "hidden";

    /// <summary>The results.json document for <paramref name="result"/>.</summary>
    /// <param name="result">The graded submission.</param>
    /// <param name="hiddenVisibility">
    /// What Gradescope shows students of a hidden check: <see cref="AfterPublished"/> (its result once grades are
    /// published) or <see cref="Hidden"/> (never). Visible checks are <c>visible</c>.
    /// </param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentException"><paramref name="hiddenVisibility"/> is neither of the two.</exception>
    public static string ToJson(SubmissionResult result, string hiddenVisibility = AfterPublished)
    {
        ArgumentNullException.ThrowIfNull(result);
        CheckHiddenVisibility(hiddenVisibility);
        var tests = new JsonArray();
        foreach (var c in result.Checks)
        {
            tests.Add(new JsonObject
            {
                ["name"] = $"{c.Notebook} · {c.Title}",
                ["score"] = c.Score,
                ["max_score"] = c.Points,
                ["output"] = c.Score >= c.Points ? "" : $"{c.Message}\nHint: {c.Hint}",
                ["visibility"] = c.Hidden ? hiddenVisibility : "visible",
                ["status"] = StatusWords.Of(c.Score >= c.Points ? CheckOutcomeStatus.Passed : CheckOutcomeStatus.Failed),
            });
        }

        var document = new JsonObject
        {
            ["score"] = result.Score,
            ["execution_time"] = (int)Math.Ceiling(result.Seconds),
            ["output"] = result.Status == SubmissionStatus.Graded ? "" : $"Status: {StatusWords.Of(result.Status)}. {result.Reason}",
            ["tests"] = tests,
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Throws unless <paramref name="hiddenVisibility"/> is <see cref="AfterPublished"/> or <see cref="Hidden"/>.</summary>
    /// <param name="hiddenVisibility">The visibility asked for hidden checks.</param>
    /// <exception cref="ArgumentException">It is anything else: <c>visible</c> or <c>after_due_date</c> would show hidden checks before grades are published.</exception>
    public static void CheckHiddenVisibility(string hiddenVisibility)
    {
        if (hiddenVisibility is not (AfterPublished or Hidden))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Hidden checks are '{AfterPublished}' or '{Hidden}' on Gradescope, not '{hiddenVisibility}': anything else shows them to students before grades are published."),
                nameof(hiddenVisibility));
        }
    }
}
