using System.Text.Json.Nodes;

namespace Course.Notebooks.Model;

/// <summary>
/// One notebook cell. The cell is a typed view over its JSON object: properties the engine does not
/// interpret (attachments, unknown metadata, extra keys) stay in that object untouched, and a property
/// the engine sets keeps its position, so reading and writing a notebook changes nothing else.
/// </summary>
public sealed class Cell
{
    private List<Output> _outputs;

    internal Cell(JsonObject json, CellKind kind)
    {
        Json = json;
        Kind = kind;
        _outputs = json["outputs"] is JsonArray outputs
            ? outputs.OfType<JsonObject>().Select(Output.FromJson).ToList()
            : [];
    }

    /// <summary>The cell type.</summary>
    public CellKind Kind { get; }

    /// <summary>The cell id (nbformat 4.5 and later), or null when the notebook has none.</summary>
    public string? Id
    {
        get => JsonProperties.GetString(Json, "id");
        set
        {
            if (value is null)
            {
                Json.Remove("id");
            }
            else
            {
                JsonProperties.Set(Json, "id", value);
            }
        }
    }

    /// <summary>
    /// The cell's text. Setting it stores the text as a list of lines, as VS Code and Jupyter write it;
    /// setting the text it already has changes nothing (so a single-string source stays a string).
    /// </summary>
    public string Source
    {
        get => JsonProperties.GetMultiline(Json["source"]) ?? string.Empty;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (Json["source"] is not null && value == Source)
            {
                return;
            }

            JsonProperties.Set(Json, "source", JsonProperties.ToLines(value.Replace("\r\n", "\n", StringComparison.Ordinal)));
        }
    }

    /// <summary>The cell metadata, created on first use if the file had none.</summary>
    public JsonObject Metadata => JsonProperties.GetOrAddObject(Json, "metadata");

    /// <summary>The execution count of a code cell (null when it has not run); always null for other cells.</summary>
    /// <exception cref="InvalidOperationException">Set on a cell that is not a code cell.</exception>
    public int? ExecutionCount
    {
        get => Json["execution_count"] is JsonValue value && value.TryGetValue(out int count) ? count : null;
        set
        {
            RequireCode();
            JsonProperties.Set(Json, "execution_count", value is int count ? JsonValue.Create(count) : null);
        }
    }

    /// <summary>The outputs of a code cell; empty for other cells.</summary>
    public IReadOnlyList<Output> Outputs => _outputs;

    /// <summary>Replaces the outputs of a code cell.</summary>
    /// <param name="outputs">The new outputs, in order.</param>
    /// <exception cref="InvalidOperationException">The cell is not a code cell.</exception>
    public void SetOutputs(IEnumerable<Output> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        RequireCode();
        _outputs = outputs.ToList();
        JsonProperties.Set(Json, "outputs", new JsonArray(_outputs.Select(output => (JsonNode?)output.ToJson()).ToArray()));
    }

    /// <summary>The cell's JSON object, including every key the engine does not interpret.</summary>
    internal JsonObject Json { get; }

    /// <summary>Creates a code cell with the metadata VS Code Polyglot Notebooks writes for a C# cell.</summary>
    /// <param name="source">The code.</param>
    /// <param name="id">The cell id, or null for none (nbformat 4.4).</param>
    /// <param name="kernelName">The Polyglot kernel name.</param>
    /// <returns>The cell.</returns>
    public static Cell CreateCode(string source, string? id = null, string kernelName = CellLanguages.CSharp)
    {
        var json = new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
        };
        if (id is not null)
        {
            json["id"] = id;
        }

        json["metadata"] = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = kernelName },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernelName },
            ["vscode"] = new JsonObject { ["languageId"] = "polyglot-notebook" },
        };
        json["outputs"] = new JsonArray();
        json["source"] = JsonProperties.ToLines(source.Replace("\r\n", "\n", StringComparison.Ordinal));
        return new Cell(json, CellKind.Code);
    }

    /// <summary>Creates a Markdown cell.</summary>
    /// <param name="source">The Markdown text.</param>
    /// <param name="id">The cell id, or null for none (nbformat 4.4).</param>
    /// <returns>The cell.</returns>
    public static Cell CreateMarkdown(string source, string? id = null)
    {
        var json = new JsonObject { ["cell_type"] = "markdown" };
        if (id is not null)
        {
            json["id"] = id;
        }

        json["metadata"] = new JsonObject();
        json["source"] = JsonProperties.ToLines(source.Replace("\r\n", "\n", StringComparison.Ordinal));
        return new Cell(json, CellKind.Markdown);
    }

    /// <summary>A deep copy of this cell.</summary>
    /// <returns>The copy.</returns>
    public Cell Clone() => new((JsonObject)Json.DeepClone(), Kind);

    private void RequireCode()
    {
        if (Kind != CellKind.Code)
        {
            throw new InvalidOperationException($"Only code cells have outputs and an execution count; this is a {Kind} cell.");
        }
    }
}
