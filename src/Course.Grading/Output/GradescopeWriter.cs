using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Grading.Results;

namespace Course.Grading.Output;

/// <summary>
/// Writes a submission's result in Gradescope's autograder format (<c>results.json</c>: score and one
/// entry per test with name, score, max_score, output, visibility and status), so the same checks
/// can run on Gradescope's machines when a course outgrows one.
/// </summary>
public static class GradescopeWriter
{
    /// <summary>The results.json document for <paramref name="result"/>.</summary>
    /// <param name="result">The graded submission.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(SubmissionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var tests = new JsonArray();
        foreach (var c in result.Checks)
        {
            tests.Add(new JsonObject
            {
                ["name"] = $"{c.Notebook} · {c.Title}",
                ["score"] = c.Score,
                ["max_score"] = c.Points,
                ["output"] = c.Score >= c.Points ? "" : $"{c.Message}\nHint: {c.Hint}",
                ["visibility"] = c.Hidden ? "after_published" : "visible",
                ["status"] = c.Score >= c.Points ? "passed" : "failed",
            });
        }

        var document = new JsonObject
        {
            ["score"] = result.Score,
            ["output"] = result.Status == SubmissionResult.Graded ? "" : $"Status: {result.Status}. {result.Reason}",
            ["tests"] = tests,
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
