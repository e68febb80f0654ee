using System.Text.Json.Nodes;

namespace Course.Notebooks.Model;

/// <summary>
/// Edits JSON objects the way a notebook tool must: an existing property keeps its position, so
/// files round-trip unchanged, and a new property goes where VS Code and Jupyter (which both sort
/// keys) would put it, so an edited file still diffs cleanly against one saved by them.
/// </summary>
internal static class JsonProperties
{
    public static void Set(JsonObject target, string key, JsonNode? value)
    {
        int index = target.IndexOf(key);
        if (index >= 0)
        {
            target.SetAt(index, value);
            return;
        }

        int position = 0;
        while (position < target.Count && string.CompareOrdinal(target.GetAt(position).Key, key) < 0)
        {
            position++;
        }

        target.Insert(position, key, value);
    }

    public static string? GetString(JsonObject source, string key) =>
        source.TryGetPropertyValue(key, out JsonNode? node) && node is JsonValue value && value.TryGetValue(out string? text)
            ? text
            : null;

    public static JsonObject? GetObject(JsonObject source, string key) =>
        source.TryGetPropertyValue(key, out JsonNode? node) ? node as JsonObject : null;

    /// <summary>The object under <paramref name="key"/>, created (in sorted position) when there is none.</summary>
    public static JsonObject GetOrAddObject(JsonObject source, string key)
    {
        if (GetObject(source, key) is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        Set(source, key, created);
        return created;
    }

    /// <summary>Reads nbformat's "multiline string": a string, or a list of strings to concatenate.</summary>
    public static string? GetMultiline(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue(out string? text):
                return text;
            case JsonArray array:
                var builder = new System.Text.StringBuilder();
                foreach (JsonNode? item in array)
                {
                    if (item is not JsonValue line || !line.TryGetValue(out string? part))
                    {
                        return null;
                    }

                    builder.Append(part);
                }

                return builder.ToString();
            default:
                return null;
        }
    }

    /// <summary>
    /// Splits text into nbformat's list of lines as VS Code does: every line keeps its "\n" except
    /// the last, and a trailing empty line is dropped ("a\n" becomes ["a\n"], "" becomes []).
    /// </summary>
    public static JsonArray ToLines(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                lines.Add(text[start..]);
                break;
            }

            lines.Add(text[start..(newline + 1)]);
            start = newline + 1;
        }

        return lines;
    }
}
