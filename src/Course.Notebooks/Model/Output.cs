using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Model;

/// <summary>
/// One output of a code cell. An output read from a file keeps its JSON exactly (unknown keys,
/// string-or-list text), so a notebook round-trips unchanged; outputs the engine creates are
/// written in the shape VS Code and Jupyter write them (sorted keys, text as lists of lines).
/// </summary>
public sealed class Output
{
    /// <summary>The stdout stream name.</summary>
    public const string StandardOutput = "stdout";

    /// <summary>The stderr stream name.</summary>
    public const string StandardError = "stderr";

    private readonly JsonObject _json;

    private Output(JsonObject json, OutputKind kind)
    {
        _json = json;
        Kind = kind;
    }

    /// <summary>What kind of output this is.</summary>
    public OutputKind Kind { get; }

    /// <summary>For a stream, its name (<c>stdout</c> or <c>stderr</c>); otherwise null.</summary>
    public string? StreamName => Kind == OutputKind.Stream ? JsonProperties.GetString(_json, "name") : null;

    /// <summary>For a stream, its text; otherwise null.</summary>
    public string? Text => Kind == OutputKind.Stream ? JsonProperties.GetMultiline(_json["text"]) : null;

    /// <summary>For display data and execute results, the MIME bundle; otherwise null.</summary>
    public MimeBundle? Data
    {
        get
        {
            if (JsonProperties.GetObject(_json, "data") is not JsonObject data)
            {
                return null;
            }

            var items = new List<KeyValuePair<string, string>>();
            foreach (KeyValuePair<string, JsonNode?> entry in data)
            {
                string content = MimeBundle.IsJsonMimeType(entry.Key) || entry.Value is JsonObject
                    ? entry.Value?.ToJsonString() ?? "null"
                    : JsonProperties.GetMultiline(entry.Value) ?? entry.Value?.ToJsonString() ?? string.Empty;
                items.Add(new KeyValuePair<string, string>(entry.Key, content));
            }

            return new MimeBundle(items);
        }
    }

    /// <summary>For an execute result, its execution count; otherwise null.</summary>
    public int? ExecutionCount =>
        _json["execution_count"] is JsonValue value && value.TryGetValue(out int count) ? count : null;

    /// <summary>For an error, the exception or error name (nbformat <c>ename</c>); otherwise null.</summary>
    public string? ErrorName => Kind == OutputKind.Error ? JsonProperties.GetString(_json, "ename") : null;

    /// <summary>For an error, its message (nbformat <c>evalue</c>); otherwise null.</summary>
    public string? ErrorValue => Kind == OutputKind.Error ? JsonProperties.GetString(_json, "evalue") : null;

    /// <summary>For an error, the traceback lines; otherwise empty.</summary>
    public IReadOnlyList<string> Traceback =>
        Kind == OutputKind.Error && _json["traceback"] is JsonArray lines
            ? lines.Select(line => line is JsonValue value && value.TryGetValue(out string? text) ? text : string.Empty).ToArray()
            : [];

    /// <summary>For display data streamed to an observer, the display id it belongs to; otherwise null.</summary>
    public string? DisplayId =>
        _json["transient"] is JsonObject transient ? JsonProperties.GetString(transient, "display_id") : null;

    /// <summary>Creates a stream output.</summary>
    /// <param name="name"><see cref="StandardOutput"/> or <see cref="StandardError"/>.</param>
    /// <param name="text">The text written.</param>
    /// <returns>The output.</returns>
    public static Output Stream(string name, string text) => new(
        new JsonObject
        {
            ["name"] = name,
            ["output_type"] = "stream",
            ["text"] = JsonProperties.ToLines(text),
        },
        OutputKind.Stream);

    /// <summary>Creates a <c>display_data</c> output.</summary>
    /// <param name="data">The value's representations.</param>
    /// <returns>The output.</returns>
    public static Output DisplayData(MimeBundle data) => new(
        new JsonObject
        {
            ["data"] = ToJson(data),
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        },
        OutputKind.DisplayData);

    /// <summary>
    /// Creates an <c>update_display_data</c> output, which tells a live front end to replace the display
    /// with the given id. Not valid in a notebook file: a runner stores the replaced display instead.
    /// </summary>
    /// <param name="displayId">The id of the display to replace.</param>
    /// <param name="data">The new representations.</param>
    /// <returns>The output.</returns>
    public static Output UpdateDisplayData(string displayId, MimeBundle data) => new(
        new JsonObject
        {
            ["data"] = ToJson(data),
            ["metadata"] = new JsonObject(),
            ["output_type"] = "update_display_data",
            ["transient"] = new JsonObject { ["display_id"] = displayId },
        },
        OutputKind.UpdateDisplayData);

    /// <summary>Creates an <c>execute_result</c> output.</summary>
    /// <param name="executionCount">The execution count of the cell that produced it.</param>
    /// <param name="data">The value's representations.</param>
    /// <returns>The output.</returns>
    public static Output ExecuteResult(int executionCount, MimeBundle data) => new(
        new JsonObject
        {
            ["data"] = ToJson(data),
            ["execution_count"] = executionCount,
            ["metadata"] = new JsonObject(),
            ["output_type"] = "execute_result",
        },
        OutputKind.ExecuteResult);

    /// <summary>Creates an <c>error</c> output.</summary>
    /// <param name="name">The error name, such as an exception type.</param>
    /// <param name="value">The error message.</param>
    /// <param name="traceback">The lines to show under it.</param>
    /// <returns>The output.</returns>
    public static Output Error(string name, string value, IEnumerable<string> traceback) => new(
        new JsonObject
        {
            ["ename"] = name,
            ["evalue"] = value,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(traceback.Select(line => (JsonNode?)JsonValue.Create(line)).ToArray()),
        },
        OutputKind.Error);

    /// <summary>Wraps an output read from a notebook file; the JSON is kept verbatim.</summary>
    /// <param name="json">The output object.</param>
    /// <returns>The output.</returns>
    public static Output FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        OutputKind kind = JsonProperties.GetString(json, "output_type") switch
        {
            "stream" => OutputKind.Stream,
            "display_data" => OutputKind.DisplayData,
            "execute_result" => OutputKind.ExecuteResult,
            "error" => OutputKind.Error,
            "update_display_data" => OutputKind.UpdateDisplayData,
            _ => OutputKind.Unknown,
        };
        return new Output(json, kind);
    }

    /// <summary>Returns a copy of this output's JSON, safe to attach to another document.</summary>
    /// <returns>The output object.</returns>
    public JsonObject ToJson() => (JsonObject)_json.DeepClone();

    /// <inheritdoc />
    public override string ToString() => _json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    private static JsonObject ToJson(MimeBundle data)
    {
        var json = new JsonObject();
        foreach (KeyValuePair<string, string> item in data)
        {
            JsonNode? value;
            if (MimeBundle.IsJsonMimeType(item.Key))
            {
                try
                {
                    value = JsonNode.Parse(item.Value);
                }
                catch (JsonException)
                {
                    value = JsonValue.Create(item.Value);
                }
            }
            else
            {
                value = JsonProperties.ToLines(item.Value);
            }

            json[item.Key] = value;
        }

        return json;
    }
}
