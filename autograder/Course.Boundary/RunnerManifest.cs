using System.Text.Json;

namespace Course.Boundary;

/// <summary>
/// What the parent hands the runner besides the notebooks: their names, in the order they run. The runner reads
/// nothing else of the grading folder, and the parent writes it; a file the parent wrote is data to the runner.
/// </summary>
/// <param name="Notebooks">The notebooks' file names in the prepared folder, in order.</param>
/// <param name="CellTimeoutSeconds">How long one cell may run.</param>
public sealed record RunnerManifest(IReadOnlyList<string> Notebooks, double CellTimeoutSeconds)
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "runner.json";

    /// <summary>Writes the manifest into a folder.</summary>
    /// <param name="folder">The prepared folder.</param>
    public void Write(string folder) => File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this));

    /// <summary>Reads the manifest of a folder.</summary>
    /// <param name="folder">The prepared folder.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="InvalidDataException">It is missing or malformed, or names a path outside the folder.</exception>
    public static RunnerManifest Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        RunnerManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<RunnerManifest>(File.ReadAllText(path))
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (Exception error) when (error is IOException or JsonException)
        {
            throw new InvalidDataException($"'{path}' is not a runner manifest: {error.Message}", error);
        }

        if (manifest.Notebooks is null || manifest.Notebooks.Any(n => string.IsNullOrEmpty(n) || Path.GetFileName(n) != n))
        {
            throw new InvalidDataException($"{path} names a notebook that is not a plain file name.");
        }

        return manifest;
    }
}
