using System.Text.Json.Nodes;
using Course.Notebooks.Files;
using Course.Notebooks.Model;

namespace Course.Notebooks.Format;

/// <summary>
/// Writes <c>.ipynb</c> files as VS Code Polyglot Notebooks saves them: <c>JSON.stringify</c> layout with the
/// notebook's indentation (one space by default), source and text as lists of lines, a final newline,
/// UTF-8 without a byte order mark. A notebook read with <see cref="IpynbReader"/> and written unchanged
/// is byte-identical to a file VS Code saved.
/// </summary>
public static class IpynbWriter
{
    /// <summary>The notebook's file text.</summary>
    /// <param name="notebook">The notebook.</param>
    /// <returns>The JSON text, ending with a newline.</returns>
    public static string Serialize(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        JsonNode[] cells = notebook.Cells.Select(cell => (JsonNode)cell.Json).ToArray();
        JsonObject root = notebook.Root;
        if (!root.ContainsKey("cells"))
        {
            JsonProperties.Set(root, "cells", new JsonArray());
        }

        // VS Code (and Jupyter) always end the file with a newline so version control shows no change there.
        return PolyglotJsonWriter.SerializeWithReplacement(root, "cells", cells, notebook.Indent) + "\n";
    }

    /// <summary>
    /// Writes the notebook to a file, atomically (<see cref="AtomicFile"/>): a failure never leaves a half-written
    /// notebook behind.
    /// </summary>
    /// <param name="notebook">The notebook.</param>
    /// <param name="path">The file to create or replace.</param>
    public static void Write(Notebook notebook, string path)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(path);
        AtomicFile.WriteAllText(path, Serialize(notebook));
    }
}
