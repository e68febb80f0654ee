using System.Text.Json;
using Course.Grading.Output;

namespace Course.Cli.Gradescope;

/// <summary>
/// The instructor's choices a Gradescope package carries (<c>gradescope.json</c> at its root), read by
/// <c>course gradescope run</c> for every submission.
/// </summary>
public sealed record GradescopeSettings
{
    /// <summary>The file's name at the package's root.</summary>
    public const string FileName = "gradescope.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>What students see of a hidden check: <c>after_published</c> (the default) or <c>hidden</c>.</summary>
    public string HiddenVisibility { get; init; } = GradescopeWriter.AfterPublished;

    /// <summary>Seconds one submission may take before it is stopped (as <c>course grade --timeout</c>).</summary>
    public int TimeoutSeconds { get; init; } = 300;

    /// <summary>Megabytes of managed memory one submission may use (as <c>course grade --memory</c>).</summary>
    public int MemoryMegabytes { get; init; } = 2048;

    /// <summary>
    /// The unprivileged account each submission's code runs as when bubblewrap cannot run in Gradescope's container
    /// (<c>course grade --runner-user</c>); <c>setup.sh</c> creates it. Null or empty: none (the code then runs as root).
    /// </summary>
    public string? RunnerAccount { get; init; } = DefaultRunnerAccount;

    /// <summary>The account <c>setup.sh</c> creates.</summary>
    public const string DefaultRunnerAccount = "course-runner";

    /// <summary>The settings as the package stores them.</summary>
    /// <returns>Indented JSON.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads <see cref="FileName"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The settings, checked.</returns>
    /// <exception cref="InvalidDataException">The file is not such settings, or a value is out of range; the message names it.</exception>
    public static GradescopeSettings Read(string path)
    {
        GradescopeSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize<GradescopeSettings>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not the package's settings: {e.Message}", e);
        }

        return (settings ?? throw new InvalidDataException($"'{path}' is empty.")).Checked();
    }

    /// <summary>This, when every value is in range.</summary>
    /// <returns>This.</returns>
    /// <exception cref="InvalidDataException">A value is out of range; the message names it.</exception>
    public GradescopeSettings Checked()
    {
        try
        {
            GradescopeWriter.CheckHiddenVisibility(HiddenVisibility);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal), e);
        }

        if (TimeoutSeconds < 1 || MemoryMegabytes < 64)
        {
            throw new InvalidDataException($"The timeout must be at least 1 second and the memory at least 64 MB, but were {TimeoutSeconds} and {MemoryMegabytes}.");
        }

        return this;
    }
}
