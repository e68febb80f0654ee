using System.Globalization;
using System.Text;

namespace Course.Grading.Output;

/// <summary>
/// Text from a submission (a student id, a file name, a reason quoting student output) made safe to print on a
/// terminal: every character a terminal would act on rather than show (control characters such as ESC, which
/// starts colour and cursor sequences; line breaks, which could forge a line of the report; bidirectional and other
/// invisible format characters, which reorder or hide what is shown) is written as a visible escape instead:
/// <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\x1b</c>, <c>\u202e</c>. Other text, letters of any script included, is kept.
/// </summary>
/// <remarks>
/// The HTML and Markdown writers show such characters the same way (<see cref="HtmlText"/>, <see cref="MarkdownText"/>),
/// so an id reads alike in every output. A backslash is not doubled: the escapes are for the eye, and ordinary text
/// (a Windows path in a message) stays as it was.
/// </remarks>
public static class TerminalText
{
    /// <summary>
    /// <paramref name="text"/> with every control, format, line- or paragraph-separator character, and every lone
    /// surrogate, shown as an escape.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>Text holding no character a terminal acts on.</returns>
    public static string Escape(string text) => Escape(text, keepLineBreaksAndTabs: false);

    /// <summary>
    /// As <see cref="Escape(string)"/>, optionally keeping tabs and line breaks, which are plain white space in HTML.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="keepLineBreaksAndTabs">Whether <c>\t</c>, <c>\n</c> and <c>\r</c> stay as they are.</param>
    /// <returns>The escaped text.</returns>
    internal static string Escape(string text, bool keepLineBreaksAndTabs)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(c => NeedsEscape(c) || char.IsSurrogate(c)))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // A whole pair is one character of a supplementary plane (an emoji, a rare ideograph): kept.
                sb.Append(c).Append(text[++i]);
            }
            else if (keepLineBreaksAndTabs && c is '\t' or '\n' or '\r')
            {
                sb.Append(c);
            }
            else if (char.IsSurrogate(c) || NeedsEscape(c))
            {
                sb.Append(c switch
                {
                    '\n' => @"\n",
                    '\r' => @"\r",
                    '\t' => @"\t",
                    <= '\u00ff' => string.Create(CultureInfo.InvariantCulture, $@"\x{(int)c:x2}"),
                    _ => string.Create(CultureInfo.InvariantCulture, $@"\u{(int)c:x4}"),
                });
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    // Cc: C0 and C1 controls and DEL (ESC, and 0x9b, the one-byte CSI some terminals honour); Cf: bidirectional
    // overrides and invisible characters; Zl and Zp: the Unicode line and paragraph separators.
    private static bool NeedsEscape(char c) => char.GetUnicodeCategory(c) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
