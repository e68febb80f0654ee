using System.Net;

namespace Course.Grading.Output;

/// <summary>
/// Text made safe to put into an HTML page, for every writer of one: in a text node or in a quoted attribute value,
/// nothing in it can open a tag, end an attribute or start a character reference.
/// </summary>
public static class HtmlText
{
    /// <summary>
    /// <paramref name="text"/> with <c>&lt; &gt; &amp; " '</c> (and every character outside ASCII) written as character
    /// references, and control and invisible format characters shown as escapes (<see cref="TerminalText"/>); tabs and
    /// line breaks, white space in HTML, are kept.
    /// </summary>
    /// <param name="text">The text: a student id, a message, a title.</param>
    /// <returns>HTML for a text node or a double- or single-quoted attribute value.</returns>
    public static string Escape(string text) => WebUtility.HtmlEncode(TerminalText.Escape(text, keepLineBreaksAndTabs: true));

    /// <summary>
    /// A relative URL of one path segment, for an <c>href</c>: the segment percent-encoded (so it can hold no
    /// <c>/</c>, <c>?</c>, <c>#</c> or <c>:</c>, and so no scheme such as <c>javascript:</c>), then escaped for the attribute.
    /// </summary>
    /// <param name="segment">A file or folder name.</param>
    /// <returns>The encoded segment, ready for a quoted attribute value.</returns>
    /// <exception cref="ArgumentException"><paramref name="segment"/> is empty, <c>.</c> or <c>..</c>.</exception>
    public static string UrlSegment(string segment)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        // Browsers resolve "." and ".." (even percent-encoded) as steps in the path, not as names.
        if (segment is "." or "..")
        {
            throw new ArgumentException($"'{segment}' is a step in a path, not a name a link can point to.", nameof(segment));
        }

        return Escape(Uri.EscapeDataString(segment));
    }
}
