using Course.Notebooks.Model;

namespace Course.Notebooks.Format;

/// <summary>Loads a notebook by file extension: <c>.ipynb</c> or <c>.dib</c>.</summary>
public static class NotebookFile
{
    /// <summary>Whether the engine can read files with this path's extension.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>True for <c>.ipynb</c> and <c>.dib</c>.</returns>
    public static bool IsSupported(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".ipynb" or ".dib";

    /// <summary>Loads a notebook file.</summary>
    /// <param name="path">An <c>.ipynb</c> or <c>.dib</c> file.</param>
    /// <returns>The notebook.</returns>
    /// <exception cref="NotebookFormatException">The file cannot be read, has another extension, or is not a valid notebook.</exception>
    public static Notebook Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".ipynb" => IpynbReader.Read(path),
            ".dib" => DibReader.Read(path),
            var other => throw new NotebookFormatException(path, null,
                $"unsupported file type '{(other.Length == 0 ? "(none)" : other)}' (the engine reads .ipynb and .dib)"),
        };
    }

    /// <summary>Reads a file's text, turning every I/O failure into a <see cref="NotebookFormatException"/> naming the file.</summary>
    internal static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            string reason = error switch
            {
                FileNotFoundException => "file not found",
                DirectoryNotFoundException => "file not found (its folder does not exist)",
                UnauthorizedAccessException when Directory.Exists(path) => "is a folder, not a notebook file",
                UnauthorizedAccessException => "permission denied",
                _ => $"cannot read the file ({error.Message})",
            };
            throw new NotebookFormatException(path, null, reason, error);
        }
    }

    /// <summary>Reads <paramref name="path"/> and parses it, naming the file in any format error the parser raises.</summary>
    internal static Notebook ParseFile(string path, Func<string, Notebook> parse)
    {
        string text = ReadText(path);
        try
        {
            return parse(text);
        }
        catch (NotebookFormatException error) when (error.FilePath is null)
        {
            throw error.WithFile(path);
        }
    }
}
