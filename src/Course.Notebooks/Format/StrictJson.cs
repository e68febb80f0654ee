using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Format;

/// <summary>
/// Parses the JSON of a notebook so that nothing in it fails later: every problem the parser would otherwise
/// report lazily, when a node is first read (a string escape that is not valid UTF-16, a duplicate key), or not at
/// all until memory ran out (millions of values, deep nesting), is found here and is a
/// <see cref="NotebookFormatException"/>. After it, reading the tree can throw nothing a file caused.
/// </summary>
internal static class StrictJson
{
    /// <summary>How much of a message the notebook's own text may fill: a key or value quoted in one is cut here.</summary>
    internal const int MaxQuoted = 60;

    /// <summary>Parses <paramref name="utf8"/> (valid UTF-8, see <see cref="NotebookEncoding"/>).</summary>
    /// <param name="utf8">The JSON.</param>
    /// <param name="cellNumber">The cell the JSON is in (a .dib #!meta cell), or null for a whole file.</param>
    /// <param name="part">The part of a notebook the JSON is, for messages ("the #!meta cell"), or null for a whole file.</param>
    /// <returns>The root node, possibly null (the JSON <c>null</c>).</returns>
    /// <exception cref="NotebookFormatException">The JSON is malformed, nests deeper than <see cref="IpynbReader.MaxDepth"/>
    /// or has more than <see cref="IpynbReader.MaxJsonTokens"/> tokens.</exception>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8, int? cellNumber, string? part)
    {
        Screen(utf8, cellNumber, part);
        try
        {
            return JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions
            {
                AllowTrailingCommas = false,
                CommentHandling = JsonCommentHandling.Disallow,
                MaxDepth = IpynbReader.MaxDepth,
                // Otherwise a duplicate key surfaces as an ArgumentException whenever its object is first read.
                AllowDuplicateProperties = false,
            });
        }
        catch (JsonException error)
        {
            throw Invalid(error, cellNumber, part);
        }
    }

    private static NotebookFormatException Invalid(JsonException error, int? cellNumber, string? part) =>
        new(null, cellNumber, $"{(part is null ? "" : part + " is ")}not valid JSON ({Excerpt(error.Message, 200)})", error);

    /// <summary>
    /// <paramref name="text"/> cut to <paramref name="max"/> characters, control characters shown as escapes: a
    /// notebook's own text in a message cannot fill the feedback or break its lines.
    /// </summary>
    /// <param name="text">Text from the notebook, or a message quoting it.</param>
    /// <param name="max">The most characters kept.</param>
    /// <returns>The excerpt.</returns>
    internal static string Excerpt(string text, int max = MaxQuoted)
    {
        var excerpt = new StringBuilder(Math.Min(text.Length, max) + 1);
        foreach (char c in text.AsSpan(0, Math.Min(text.Length, max)))
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                excerpt.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                excerpt.Append(c);
            }
        }

        return text.Length > max ? excerpt.Append('…').ToString() : excerpt.ToString();
    }

    // One pass of the reader over the whole text, before any tree is built: it counts tokens, bounds the depth
    // and reads every escaped string, the only strings that can be invalid once the bytes are valid UTF-8.
    private static void Screen(ReadOnlySpan<byte> utf8, int? cellNumber, string? part)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            AllowTrailingCommas = false,
            CommentHandling = JsonCommentHandling.Disallow,
            MaxDepth = IpynbReader.MaxDepth,
        });
        long tokens = 0;
        try
        {
            while (reader.Read())
            {
                if (++tokens > IpynbReader.MaxJsonTokens)
                {
                    throw new NotebookFormatException(null, cellNumber, string.Create(CultureInfo.InvariantCulture,
                        $"{part ?? "the JSON"} has more than {IpynbReader.MaxJsonTokens:N0} tokens (values, keys, brackets), more than a notebook may have (clear its outputs)"));
                }

                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    CheckEscapes(ref reader, cellNumber, part);
                }
            }
        }
        catch (JsonException error) when (reader.CurrentDepth >= IpynbReader.MaxDepth - 1)
        {
            throw new NotebookFormatException(null, cellNumber, string.Create(CultureInfo.InvariantCulture,
                $"{part ?? "the JSON"} nests deeper than {IpynbReader.MaxDepth} levels, more than a notebook may"), error);
        }
        catch (JsonException error)
        {
            throw Invalid(error, cellNumber, part);
        }
    }

    private static void CheckEscapes(ref Utf8JsonReader reader, int? cellNumber, string? part)
    {
        try
        {
            _ = reader.GetString();
        }
        catch (InvalidOperationException error)
        {
            // "\ud800" alone: valid JSON syntax, but no string; System.Text.Json says so only when it is read.
            throw new NotebookFormatException(null, cellNumber, string.Create(CultureInfo.InvariantCulture,
                $"{part ?? "the JSON"} has a {(reader.TokenType == JsonTokenType.PropertyName ? "key" : "string")} at byte {reader.TokenStartIndex} that is not valid text: an escape \\uD800-\\uDFFF without its pair"), error);
        }
    }
}
