using System.Text.Json;
using Course.Notebooks.Files;

namespace Course.Grading.Results;

/// <summary>Reads and writes <see cref="SubmissionResult"/> and <see cref="CheckOutcome"/> as JSON: the file format between a grading process and the driver.</summary>
public static class ResultJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNameCaseInsensitive = true };

    /// <summary>Serializes a result.</summary>
    /// <param name="result">The result.</param>
    /// <returns>Indented JSON.</returns>
    public static string Serialize(SubmissionResult result) => JsonSerializer.Serialize(result, Options);

    /// <summary>Writes a result to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The file.</param>
    /// <param name="result">The result.</param>
    public static void Write(string path, SubmissionResult result) => AtomicFile.WriteAllText(path, Serialize(result));

    /// <summary>Reads a result written by <see cref="Write"/>, or null when the file is missing or not a complete result.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The result, or null.</returns>
    public static SubmissionResult? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<SubmissionResult>(File.ReadAllText(path), Options) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Appends one check outcome as a line of JSON (the progress log that survives a crash).</summary>
    /// <param name="path">The progress file.</param>
    /// <param name="outcome">The outcome.</param>
    public static void AppendProgress(string path, CheckOutcome outcome)
    {
        File.AppendAllText(path, JsonSerializer.Serialize(outcome) + "\n");
    }

    /// <summary>Reads the complete lines of a progress file; a torn last line (a crash mid-write) is ignored.</summary>
    /// <param name="path">The progress file.</param>
    /// <returns>The outcomes recorded.</returns>
    public static IReadOnlyList<CheckOutcome> ReadProgress(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var outcomes = new List<CheckOutcome>();
        foreach (string line in File.ReadAllLines(path))
        {
            try
            {
                if (JsonSerializer.Deserialize<CheckOutcome>(line, Options) is { } outcome)
                {
                    outcomes.Add(outcome);
                }
            }
            catch (JsonException)
            {
            }
        }

        return outcomes;
    }
}
