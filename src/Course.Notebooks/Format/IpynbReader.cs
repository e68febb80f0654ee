using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Course.Notebooks.Model;

namespace Course.Notebooks.Format;

/// <summary>Reads <c>.ipynb</c> files (nbformat 4, any minor version) without losing anything.</summary>
public static class IpynbReader
{
    /// <summary>
    /// How deeply a notebook's JSON may nest. Real notebooks nest about ten levels (a chart's data in an output);
    /// the limit keeps every recursive walk of the tree (cloning, writing, comparing) far from the stack's end, and
    /// bounds the indentation a written copy repeats on each line.
    /// </summary>
    public const int MaxDepth = 32;

    /// <summary>The most cells a notebook may have: the course's notebooks have about thirty.</summary>
    public const int MaxCells = 10_000;

    /// <summary>
    /// The most JSON tokens (values, keys, brackets) a notebook may have: the course's notebooks have about three
    /// thousand, a chart of ten thousand points in an output some twenty thousand. It bounds the memory the parsed
    /// tree takes, which grows with the number of values more than with bytes (about 400 bytes a token once the tree
    /// is built, cloned and written: some 100 MB at the limit).
    /// </summary>
    public const int MaxJsonTokens = 250_000;

    /// <summary>
    /// The longest indentation unit kept from a file (four spaces, or a tab); a longer one is written back as one
    /// space. Written, a unit is repeated once per level on every line: this, <see cref="MaxDepth"/> and
    /// <see cref="MaxJsonTokens"/> bound a written copy to a few times the limit's size.
    /// </summary>
    internal const int MaxIndent = 4;

    /// <summary>Reads a notebook file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The notebook.</returns>
    /// <exception cref="NotebookFormatException">The file cannot be read or is not an nbformat 4 notebook.</exception>
    public static Notebook Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return NotebookFile.ParseFile(path, content => Parse(content));
    }

    /// <summary>Parses notebook JSON.</summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The notebook.</returns>
    /// <exception cref="NotebookFormatException">The text is not an nbformat 4 notebook; the exception names no file.</exception>
    public static Notebook Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ParseUtf8(NotebookEncoding.FromText(json));
    }

    /// <summary>
    /// Parses a notebook file's bytes: UTF-8 (a byte order mark is allowed), or UTF-16 or UTF-32 with a byte order
    /// mark. Every malformed input is a <see cref="NotebookFormatException"/>: bytes that are not valid text, JSON
    /// that is not valid (duplicate keys included), a string escape that is not valid UTF-16, nesting deeper than
    /// <see cref="MaxDepth"/>, more than <see cref="MaxJsonTokens"/> tokens or <see cref="MaxCells"/> cells.
    /// </summary>
    /// <param name="content">The file's bytes.</param>
    /// <returns>The notebook.</returns>
    /// <exception cref="NotebookFormatException">The bytes are not an nbformat 4 notebook; the exception names no file.</exception>
    public static Notebook Parse(ReadOnlySpan<byte> content) => ParseUtf8(NotebookEncoding.ToUtf8(content));

    private static Notebook ParseUtf8(ReadOnlySpan<byte> utf8)
    {
        if (StrictJson.Parse(utf8, null, null) is not JsonObject root)
        {
            throw new NotebookFormatException(null, null, "not a Jupyter notebook: the JSON is not an object");
        }

        return FromRoot(root, DetectIndent(utf8));
    }

    private static Notebook FromRoot(JsonObject root, string indent)
    {
        if (root["nbformat"] is not JsonValue formatValue || !formatValue.TryGetValue(out int major))
        {
            throw new NotebookFormatException(null, null, "not a Jupyter notebook: no integer 'nbformat' field");
        }

        if (major < 4)
        {
            throw new NotebookFormatException(null, null,
                $"nbformat {major} is too old; the engine reads nbformat 4 (convert it with 'jupyter nbconvert --to notebook --nbformat 4')");
        }

        if (major > 4)
        {
            throw new NotebookFormatException(null, null, $"nbformat {major} is newer than this engine understands (it reads nbformat 4)");
        }

        // Absent is allowed (read as empty); null is not, as nbformat's schema says.
        if (root.TryGetPropertyValue("metadata", out JsonNode? metadata) && metadata is not JsonObject)
        {
            throw new NotebookFormatException(null, null, "'metadata' must be a JSON object");
        }

        if (root["cells"] is not JsonArray cellArray)
        {
            throw new NotebookFormatException(null, null, "not a Jupyter notebook: no 'cells' list");
        }

        if (cellArray.Count > MaxCells)
        {
            throw new NotebookFormatException(null, null, string.Create(CultureInfo.InvariantCulture,
                $"{cellArray.Count:N0} cells are more than the {MaxCells:N0} a notebook may have"));
        }

        var cells = new List<Cell>(cellArray.Count);
        for (int i = 0; i < cellArray.Count; i++)
        {
            cells.Add(ReadCell(cellArray[i], i + 1));
        }

        // The cells now live in Cell objects; the root keeps an empty list so the key keeps its place.
        cellArray.Clear();
        return new Notebook(root, cells, indent);
    }

    private static Cell ReadCell(JsonNode? node, int cellNumber)
    {
        if (node is not JsonObject json)
        {
            throw new NotebookFormatException(null, cellNumber, "a cell must be a JSON object");
        }

        CellKind kind = JsonProperties.GetString(json, "cell_type") switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            null when !json.ContainsKey("cell_type") => throw new NotebookFormatException(null, cellNumber, "the cell has no 'cell_type'"),
            null => throw new NotebookFormatException(null, cellNumber, $"'cell_type' must be a string, not {json["cell_type"]?.GetValueKind().ToString().ToLowerInvariant() ?? "null"}"),
            var other => throw new NotebookFormatException(null, cellNumber, $"unknown cell_type '{StrictJson.Excerpt(other)}' (expected code, markdown or raw)"),
        };

        if (JsonProperties.GetMultiline(json["source"]) is null)
        {
            throw new NotebookFormatException(null, cellNumber, "'source' must be a string or a list of strings");
        }

        if (json.TryGetPropertyValue("metadata", out JsonNode? metadata) && metadata is not JsonObject)
        {
            throw new NotebookFormatException(null, cellNumber, "'metadata' must be a JSON object");
        }

        if (kind == CellKind.Code && json.TryGetPropertyValue("outputs", out JsonNode? outputs) && outputs is not JsonArray)
        {
            throw new NotebookFormatException(null, cellNumber, "'outputs' must be a list");
        }

        return new Cell(json, kind);
    }

    /// <summary>
    /// The indentation unit of a JSON file, as VS Code detects it to save the file back the same way:
    /// the leading whitespace of the first indented line; none at all for single-line JSON. A unit longer than
    /// <see cref="MaxIndent"/> is taken as one space: writing the notebook back repeats it on every line, once per
    /// level, so a file could otherwise make the written copy many times its own size.
    /// </summary>
    private static string DetectIndent(ReadOnlySpan<byte> utf8)
    {
        int newline = utf8.IndexOf((byte)'\n');
        if (newline < 0)
        {
            return string.Empty;
        }

        int start = newline + 1;
        int end = start;
        while (end < utf8.Length && end - start <= MaxIndent && (utf8[end] == ' ' || utf8[end] == '\t'))
        {
            end++;
        }

        return end > start && end - start <= MaxIndent ? Encoding.ASCII.GetString(utf8[start..end]) : " ";
    }
}
