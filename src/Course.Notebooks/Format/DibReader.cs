using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Notebooks.Model;

namespace Course.Notebooks.Format;

/// <summary>
/// Reads Polyglot Notebooks' plain-text <c>.dib</c> format: a line <c>#!csharp</c>, <c>#!markdown</c>,
/// <c>#!meta</c> (or another kernel name) starts a cell; blank lines around a cell's text are not part of it;
/// other <c>#!</c> lines (magic commands such as <c>#!time</c>) belong to the cell they are in.
/// </summary>
public static class DibReader
{
    /// <summary>Reads a <c>.dib</c> file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>A notebook with Polyglot metadata (nbformat 4.5) holding the file's cells.</returns>
    /// <exception cref="NotebookFormatException">The file cannot be read or its <c>#!meta</c> cell is not JSON.</exception>
    public static Notebook Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return NotebookFile.ParseFile(path, content => Parse(NotebookEncoding.ToText(content)));
    }

    /// <summary>Parses <c>.dib</c> text.</summary>
    /// <param name="content">The file's text.</param>
    /// <returns>The notebook.</returns>
    /// <exception cref="NotebookFormatException">The <c>#!meta</c> cell is not a JSON object.</exception>
    public static Notebook Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        string[] lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        Notebook notebook = Notebook.CreatePolyglot();
        var extraKernelNames = new HashSet<string>(StringComparer.Ordinal);

        string language = CellLanguages.CSharp;
        var current = new List<string>();
        int cellNumber = 0;

        void Flush()
        {
            int first = 0;
            int last = current.Count - 1;
            while (first <= last && current[first].Length == 0)
            {
                first++;
            }

            while (last >= first && current[last].Length == 0)
            {
                last--;
            }

            if (first <= last)
            {
                string text = string.Join("\n", current.Skip(first).Take(last - first + 1));
                if (language == "meta")
                {
                    ApplyMeta(notebook, text, cellNumber + 1, extraKernelNames);
                }
                else
                {
                    cellNumber++;
                    string id = StableId(cellNumber, text);
                    notebook.Cells.Add(language == CellLanguages.Markdown
                        ? Cell.CreateMarkdown(text, id)
                        : Cell.CreateCode(text, id, language));
                }
            }

            current.Clear();
        }

        foreach (string line in lines)
        {
            if (line.StartsWith("#!", StringComparison.Ordinal) && CellStart(line[2..].TrimEnd(), extraKernelNames) is string next)
            {
                Flush();
                language = next;
            }
            else
            {
                current.Add(line);
            }
        }

        Flush();
        return notebook;
    }

    private static string? CellStart(string name, HashSet<string> extraKernelNames)
    {
        if (name == "meta")
        {
            return "meta";
        }

        if (CellLanguages.IsKernelName(name))
        {
            return CellLanguages.Normalize(name);
        }

        return extraKernelNames.Contains(name) ? name : null;
    }

    private static void ApplyMeta(Notebook notebook, string text, int cellNumber, HashSet<string> extraKernelNames)
    {
        JsonObject meta = StrictJson.Parse(NotebookEncoding.FromText(text), cellNumber, "the #!meta cell") as JsonObject
            ?? throw new NotebookFormatException(null, cellNumber, "the #!meta cell must hold a JSON object");

        // .dib keeps in #!meta what .ipynb keeps in metadata.polyglot_notebook.
        JsonObject polyglot = (JsonObject)notebook.Metadata["polyglot_notebook"]!;
        foreach (KeyValuePair<string, JsonNode?> property in meta.ToArray())
        {
            meta.Remove(property.Key);
            JsonProperties.Set(polyglot, property.Key, property.Value);
        }

        if (polyglot["kernelInfo"] is JsonObject kernelInfo && kernelInfo["items"] is JsonArray items)
        {
            foreach (JsonObject item in items.OfType<JsonObject>())
            {
                if (JsonProperties.GetString(item, "name") is string name)
                {
                    extraKernelNames.Add(name);
                }

                if (item["aliases"] is JsonArray aliases)
                {
                    foreach (JsonNode? alias in aliases)
                    {
                        if (alias is JsonValue value && value.TryGetValue(out string? aliasName))
                        {
                            extraKernelNames.Add(aliasName);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// A cell id that depends only on the cell's position and text, so converting the same file twice gives
    /// the same notebook (VS Code uses random ids; nbformat 4.5 only requires them to be unique).
    /// </summary>
    private static string StableId(int cellNumber, string text)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{cellNumber}\n{text}"));
        return Convert.ToHexStringLower(hash, 0, 4);
    }
}
