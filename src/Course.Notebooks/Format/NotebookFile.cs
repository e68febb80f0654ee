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
            var other => throw Unsupported(path, other),
        };
    }

    /// <summary>
    /// Parses a notebook file's bytes, read elsewhere (the autograder reads a submission's files itself, without
    /// following links, and hands over only their bytes).
    /// </summary>
    /// <param name="fileName">The file's name: its extension chooses the format, and errors name it.</param>
    /// <param name="content">The file's bytes.</param>
    /// <returns>The notebook.</returns>
    /// <exception cref="NotebookFormatException">The name has another extension, or the bytes are not a valid notebook
    /// (see <see cref="IpynbReader.Parse(ReadOnlySpan{byte})"/>); the exception names <paramref name="fileName"/>.</exception>
    public static Notebook Parse(string fileName, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        try
        {
            return Path.GetExtension(fileName).ToLowerInvariant() switch
            {
                ".ipynb" => IpynbReader.Parse(content),
                ".dib" => DibReader.Parse(NotebookEncoding.ToText(content)),
                var other => throw Unsupported(fileName, other),
            };
        }
        catch (NotebookFormatException error) when (error.FilePath is null)
        {
            throw error.WithFile(fileName);
        }
    }

    /// <summary>Reads a file's bytes, turning every I/O failure into a <see cref="NotebookFormatException"/> naming the file.</summary>
    internal static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
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
    internal static Notebook ParseFile(string path, Func<byte[], Notebook> parse)
    {
        byte[] content = ReadBytes(path);
        try
        {
            return parse(content);
        }
        catch (NotebookFormatException error) when (error.FilePath is null)
        {
            throw error.WithFile(path);
        }
    }

    private static NotebookFormatException Unsupported(string path, string extension) =>
        new(path, null, $"unsupported file type '{(extension.Length == 0 ? "(none)" : StrictJson.Excerpt(extension))}' (the engine reads .ipynb and .dib)");
}
