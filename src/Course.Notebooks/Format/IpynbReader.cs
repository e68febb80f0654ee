using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Notebooks.Model;

namespace Course.Notebooks.Format;

/// <summary>Reads <c>.ipynb</c> files (nbformat 4, any minor version) without losing anything.</summary>
public static class IpynbReader
{
    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 256,
    };

    /// <summary>Reads a notebook file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The notebook.</returns>
    /// <exception cref="NotebookFormatException">The file cannot be read or is not an nbformat 4 notebook.</exception>
    public static Notebook Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return NotebookFile.ParseFile(path, Parse);
    }

    /// <summary>Parses notebook JSON.</summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The notebook.</returns>
    /// <exception cref="NotebookFormatException">The text is not an nbformat 4 notebook; the exception names no file.</exception>
    public static Notebook Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: ParseOptions);
        }
        catch (JsonException error)
        {
            throw new NotebookFormatException(null, null, $"not valid JSON ({error.Message})", error);
        }

        if (node is not JsonObject root)
        {
            throw new NotebookFormatException(null, null, "not a Jupyter notebook: the JSON is not an object");
        }

        try
        {
            return FromRoot(root, DetectIndent(json));
        }
        catch (ArgumentException error)
        {
            // JsonObject reports duplicate property names lazily, as an ArgumentException.
            throw new NotebookFormatException(null, null, $"not a valid notebook ({error.Message})", error);
        }
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

        if (root["metadata"] is not null and not JsonObject)
        {
            throw new NotebookFormatException(null, null, "'metadata' must be a JSON object");
        }

        if (root["cells"] is not JsonArray cellArray)
        {
            throw new NotebookFormatException(null, null, "not a Jupyter notebook: no 'cells' list");
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
            null => throw new NotebookFormatException(null, cellNumber, "the cell has no 'cell_type'"),
            var other => throw new NotebookFormatException(null, cellNumber, $"unknown cell_type '{other}' (expected code, markdown or raw)"),
        };

        if (JsonProperties.GetMultiline(json["source"]) is null)
        {
            throw new NotebookFormatException(null, cellNumber, "'source' must be a string or a list of strings");
        }

        if (json["metadata"] is not null and not JsonObject)
        {
            throw new NotebookFormatException(null, cellNumber, "'metadata' must be a JSON object");
        }

        if (kind == CellKind.Code && json["outputs"] is not null and not JsonArray)
        {
            throw new NotebookFormatException(null, cellNumber, "'outputs' must be a list");
        }

        return new Cell(json, kind);
    }

    /// <summary>
    /// The indentation unit of a JSON file, as VS Code detects it to save the file back the same way:
    /// the leading whitespace of the first indented line; none at all for single-line JSON.
    /// </summary>
    internal static string DetectIndent(string json)
    {
        int newline = json.IndexOf('\n', StringComparison.Ordinal);
        if (newline < 0)
        {
            return string.Empty;
        }

        int start = newline + 1;
        int end = start;
        while (end < json.Length && (json[end] == ' ' || json[end] == '\t'))
        {
            end++;
        }

        return end > start ? json[start..end] : " ";
    }
}
