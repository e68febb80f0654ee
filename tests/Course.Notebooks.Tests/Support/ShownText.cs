using System.Net;
using System.Text.RegularExpressions;
using Course.Notebooks.Model;

namespace Course.Notebooks.Tests.Support;

/// <summary>The text a reader sees in an output, whether the value came as plain text or as the real kernel's HTML.</summary>
public static partial class ShownText
{
    /// <summary>Plain text when the bundle has it; otherwise the HTML's preformatted value, or its text without tags.</summary>
    /// <param name="data">The bundle.</param>
    /// <returns>The text shown.</returns>
    public static string? Shown(this MimeBundle data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Text is { } text)
        {
            return text;
        }

        if (data.HtmlText is not { } html)
        {
            return null;
        }

        Match pre = Preformatted().Match(html);
        string body = pre.Success ? pre.Groups["value"].Value : Tag().Replace(Style().Replace(html, string.Empty), string.Empty);
        return WebUtility.HtmlDecode(body);
    }

    [GeneratedRegex("""<div class="dni-plaintext"><pre>(?<value>.*?)</pre></div>""", RegexOptions.Singleline)]
    private static partial Regex Preformatted();

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex Style();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
