using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Format;

/// <summary>
/// Writes JSON text exactly as JavaScript's <c>JSON.stringify(value, undefined, indent)</c> does, which is
/// how VS Code saves notebooks (and, for the cases notebooks use, how Jupyter's <c>json.dumps(indent=1,
/// ensure_ascii=False)</c> does): <c>"key": value</c>, one entry per line, <c>[]</c> and <c>{}</c> for empty
/// containers, and only quotes, backslashes and control characters escaped (never non-ASCII, never
/// <c>&lt; &gt; &amp;</c>). System.Text.Json's writer cannot be configured to match this byte for byte.
/// </summary>
/// <remarks>
/// Strings and numbers that came from a parsed file are written with their original text, so a file that
/// escaped differently (<c>\u00e9</c>, <c>\/</c>) still round-trips unchanged.
/// </remarks>
internal sealed class PolyglotJsonWriter
{
    private readonly StringBuilder _out;
    private readonly string _indent;

    private PolyglotJsonWriter(string indent, int capacity)
    {
        _indent = indent;
        _out = new StringBuilder(capacity);
    }

    /// <summary>Serializes a node (null writes <c>null</c>).</summary>
    public static string Serialize(JsonNode? node, string indent)
    {
        var writer = new PolyglotJsonWriter(indent, 4096);
        writer.WriteValue(node, 0);
        return writer._out.ToString();
    }

    /// <summary>
    /// Serializes an object, writing <paramref name="replacement"/> in place of the value of property
    /// <paramref name="replacedKey"/> (used for a notebook's cells, which live outside its root object).
    /// </summary>
    public static string SerializeWithReplacement(JsonObject root, string replacedKey, IReadOnlyList<JsonNode> replacement, string indent)
    {
        var writer = new PolyglotJsonWriter(indent, 16384);
        writer.WriteObject(root, 0, replacedKey, replacement);
        return writer._out.ToString();
    }

    private void WriteValue(JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                _out.Append("null");
                break;
            case JsonObject obj:
                WriteObject(obj, depth, null, null);
                break;
            case JsonArray array:
                WriteArray(array, depth);
                break;
            case JsonValue value:
                WriteScalar(value);
                break;
        }
    }

    private void WriteObject(JsonObject obj, int depth, string? replacedKey, IReadOnlyList<JsonNode>? replacement)
    {
        if (obj.Count == 0)
        {
            _out.Append("{}");
            return;
        }

        _out.Append('{');
        bool first = true;
        foreach (KeyValuePair<string, JsonNode?> property in obj)
        {
            if (!first)
            {
                _out.Append(',');
            }

            first = false;
            NewLine(depth + 1);
            WriteString(property.Key);
            _out.Append(_indent.Length > 0 ? ": " : ":");
            if (replacement is not null && property.Key == replacedKey)
            {
                WriteList(replacement, depth + 1);
            }
            else
            {
                WriteValue(property.Value, depth + 1);
            }
        }

        NewLine(depth);
        _out.Append('}');
    }

    private void WriteArray(JsonArray array, int depth)
    {
        if (array.Count == 0)
        {
            _out.Append("[]");
            return;
        }

        _out.Append('[');
        for (int i = 0; i < array.Count; i++)
        {
            if (i > 0)
            {
                _out.Append(',');
            }

            NewLine(depth + 1);
            WriteValue(array[i], depth + 1);
        }

        NewLine(depth);
        _out.Append(']');
    }

    private void WriteList(IReadOnlyList<JsonNode> items, int depth)
    {
        if (items.Count == 0)
        {
            _out.Append("[]");
            return;
        }

        _out.Append('[');
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                _out.Append(',');
            }

            NewLine(depth + 1);
            WriteValue(items[i], depth + 1);
        }

        NewLine(depth);
        _out.Append(']');
    }

    private void NewLine(int depth)
    {
        // JSON.stringify with an empty gap writes everything on one line.
        if (_indent.Length == 0)
        {
            return;
        }

        _out.Append('\n');
        for (int i = 0; i < depth; i++)
        {
            _out.Append(_indent);
        }
    }

    private void WriteScalar(JsonValue value)
    {
        if (value.TryGetValue(out JsonElement element))
        {
            // Parsed from a file: keep the original spelling of strings and numbers.
            _out.Append(element.GetRawText());
            return;
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(value.GetValue<string>());
                break;
            case JsonValueKind.True:
                _out.Append("true");
                break;
            case JsonValueKind.False:
                _out.Append("false");
                break;
            case JsonValueKind.Null:
                _out.Append("null");
                break;
            case JsonValueKind.Number:
                _out.Append(FormatNumber(value));
                break;
            default:
                _out.Append(value.ToJsonString());
                break;
        }
    }

    private static string FormatNumber(JsonValue value)
    {
        if (value.TryGetValue(out int i))
        {
            return i.ToString(CultureInfo.InvariantCulture);
        }

        if (value.TryGetValue(out long l))
        {
            return l.ToString(CultureInfo.InvariantCulture);
        }

        if (value.TryGetValue(out double d))
        {
            // JavaScript prints integral doubles without a fraction and uses "e+" exponents.
            return d == Math.Floor(d) && Math.Abs(d) < 1e21
                ? d.ToString("F0", CultureInfo.InvariantCulture)
                : d.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
        }

        return value.ToJsonString();
    }

    private void WriteString(string text)
    {
        _out.Append('"');
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '"':
                    _out.Append("\\\"");
                    break;
                case '\\':
                    _out.Append("\\\\");
                    break;
                case '\b':
                    _out.Append("\\b");
                    break;
                case '\f':
                    _out.Append("\\f");
                    break;
                case '\n':
                    _out.Append("\\n");
                    break;
                case '\r':
                    _out.Append("\\r");
                    break;
                case '\t':
                    _out.Append("\\t");
                    break;
                default:
                    if (c < 0x20 || IsLoneSurrogate(text, i))
                    {
                        _out.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _out.Append(c);
                    }

                    break;
            }
        }

        _out.Append('"');
    }

    private static bool IsLoneSurrogate(string text, int i)
    {
        char c = text[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        }

        return false;
    }
}
