using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Course.Notebooks.Files;

namespace Course.Grading.Results;

/// <summary>Reads and writes <see cref="SubmissionResult"/> and <see cref="CheckOutcome"/> as JSON: the file format between a grading process and the driver.</summary>
public static class ResultJson
{
    // Statuses are written as their words by the converter the status types name. A property a file lacks reads as its
    // default, as it did when CheckOutcome was a positional record: `required` is for code that builds one, not for files.
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNameCaseInsensitive = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NothingRequired } },
    };

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
            return File.Exists(path) ? Deserialize(File.ReadAllText(path)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads a result from JSON text (as <see cref="Serialize"/> writes it, or an earlier run wrote it).</summary>
    /// <param name="json">The text.</param>
    /// <returns>The result.</returns>
    /// <exception cref="JsonException">The text is no result: not JSON, or a status word that names no status.</exception>
    public static SubmissionResult Deserialize(string json) =>
        JsonSerializer.Deserialize<SubmissionResult>(json, Options) ?? throw new JsonException("The result is null.");

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

    private static void NothingRequired(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            property.IsRequired = false;
        }
    }
}
