using System.Collections;

namespace Course.Notebooks.Model;

/// <summary>
/// One value rendered in several MIME types (<c>text/plain</c>, <c>text/html</c>, …), as Jupyter's
/// <c>data</c> dictionary. Front ends pick the richest type they can show; <c>text/plain</c> is the
/// fallback every front end understands, so the engine always provides it.
/// </summary>
/// <remarks>
/// Values are strings. A JSON MIME type (for example <c>application/json</c>) holds its JSON text and
/// is written to the notebook as a JSON value, as nbformat requires.
/// </remarks>
public sealed class MimeBundle : IReadOnlyDictionary<string, string>
{
    /// <summary>The plain-text MIME type.</summary>
    public const string PlainText = "text/plain";

    /// <summary>The HTML MIME type.</summary>
    public const string Html = "text/html";

    private readonly SortedDictionary<string, string> _items;

    /// <summary>Creates a bundle from MIME type and content pairs.</summary>
    /// <param name="items">The representations, keyed by MIME type.</param>
    public MimeBundle(IEnumerable<KeyValuePair<string, string>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> item in items)
        {
            _items[item.Key] = item.Value;
        }
    }

    /// <summary>Creates a bundle holding only plain text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>A bundle with one <c>text/plain</c> entry.</returns>
    public static MimeBundle FromText(string text) => new([new KeyValuePair<string, string>(PlainText, text)]);

    /// <summary>The <c>text/plain</c> representation, or null when there is none.</summary>
    public string? Text => _items.GetValueOrDefault(PlainText);

    /// <summary>The <c>text/html</c> representation, or null when there is none.</summary>
    public string? HtmlText => _items.GetValueOrDefault(Html);

    /// <inheritdoc />
    public string this[string key] => _items[key];

    /// <inheritdoc />
    public IEnumerable<string> Keys => _items.Keys;

    /// <inheritdoc />
    public IEnumerable<string> Values => _items.Values;

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public bool ContainsKey(string key) => _items.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value) =>
        _items.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Whether a MIME type carries JSON rather than text (stored as a JSON value in .ipynb).</summary>
    /// <param name="mimeType">The MIME type.</param>
    /// <returns>True for <c>application/json</c>, <c>application/vnd.x+json</c> and the like.</returns>
    public static bool IsJsonMimeType(string mimeType) =>
        mimeType.EndsWith("json", StringComparison.OrdinalIgnoreCase);
}
