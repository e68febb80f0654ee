using System.Text;

namespace Course.Grading.Output;

/// <summary>
/// Text made safe to put into Markdown (CommonMark and GitHub's dialect), for every writer of it: text from a
/// submission cannot become a link, an image, emphasis, a table cell, raw HTML or a new block.
/// </summary>
public static class MarkdownText
{
    // Every character that opens or closes an inline construct: escapes and code spans (\ `), emphasis and
    // strikethrough (* _ ~), links, images and footnotes ([ ] !), autolinks and raw HTML (< >), character
    // references (&), table cells (|) and math ($). Any ASCII punctuation may be backslash-escaped in CommonMark.
    private const string Special = "\\`*_~[]!<>&|$";

    /// <summary>
    /// <paramref name="text"/> for the inside of a line (a heading, a list item, a paragraph, a table cell): its
    /// Markdown characters backslash-escaped, its line breaks made spaces (a new line could start a heading, a list,
    /// a fence or an HTML block), and other control characters shown as escapes (<see cref="TerminalText"/>).
    /// </summary>
    /// <param name="text">A message, a reason, a title.</param>
    /// <returns>Markdown that renders as <paramref name="text"/>, on one line.</returns>
    /// <remarks>
    /// A bare web address (<c>https://…</c>, <c>www.…</c>) is kept from GitHub's and Markdig's autolinks by escaping
    /// the <c>:</c> of <c>://</c> and the <c>.</c> of <c>www.</c>, which those renderers match in the source. A bare
    /// e-mail address may still be linked (GitHub finds those after escapes are resolved); it is shown in full. For text
    /// that must not become a link at all, use <see cref="Code"/>.
    /// </remarks>
    public static string Escape(string text)
    {
        string line = TerminalText.Escape(OneLine(text));
        var sb = new StringBuilder(line.Length + 8);
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (Special.Contains(c, StringComparison.Ordinal) || StartsBareAddress(line, i))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> as an inline code span: shown literally, in every renderer, with nothing in it parsed
    /// (no link, autolink, emphasis or HTML); control characters and line breaks shown as escapes. For names, which
    /// must read exactly as they are.
    /// </summary>
    /// <param name="text">A student id or another name.</param>
    /// <returns>The code span, on one line.</returns>
    /// <remarks>Not for a table cell: a <c>|</c> inside a code span still ends the cell there.</remarks>
    public static string Code(string text)
    {
        string line = TerminalText.Escape(text);
        // The fence is one backtick longer than the longest run inside, so no run inside can close it.
        int longest = 0, run = 0;
        foreach (char c in line)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        string fence = new('`', longest + 1);
        // A space inside each end is stripped when rendered; it keeps a backtick at an end from joining the fence,
        // and is added whenever the text itself begins and ends with a space, so those survive the stripping.
        bool pad = line.StartsWith('`') || line.EndsWith('`') || (line.StartsWith(' ') && line.EndsWith(' ') && line.Trim().Length > 0);
        string space = pad ? " " : "";
        return fence + space + line + space + fence;
    }

    // The ":" of "scheme://" and the "." of "www.": what the autolink extensions look for in the source text.
    private static bool StartsBareAddress(string line, int i) =>
        (line[i] == ':' && line.AsSpan(i + 1).StartsWith("//", StringComparison.Ordinal))
        || (line[i] == '.' && i >= 3 && line.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase));

    private static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ReplaceLineEndings(" ");
    }
}
