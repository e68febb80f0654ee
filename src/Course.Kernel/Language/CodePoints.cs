using System.Text;

namespace Course.Kernel.Language;

/// <summary>
/// Converts cursor positions: Jupyter (protocol 5.2 and later) counts Unicode code points, .NET strings and
/// Roslyn count UTF-16 code units. They differ only after characters outside the Basic Multilingual Plane.
/// </summary>
internal static class CodePoints
{
    /// <summary>The UTF-16 index of a code-point offset (clamped to the text).</summary>
    public static int ToUtf16(string text, int codePoints)
    {
        if (codePoints <= 0)
        {
            return 0;
        }

        int index = 0;
        int seen = 0;
        while (index < text.Length && seen < codePoints)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
            seen++;
        }

        return index;
    }

    /// <summary>The code-point offset of a UTF-16 index.</summary>
    public static int FromUtf16(string text, int utf16)
    {
        int end = Math.Clamp(utf16, 0, text.Length);
        int count = 0;
        for (int index = 0; index < end; count++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }

        return count;
    }

    /// <summary>
    /// The code with magic-command lines (<c>#!time</c>, <c>#!csharp</c>) blanked to spaces, so Roslyn parses it
    /// as C# while every position stays where it was.
    /// </summary>
    public static string WithoutMagicLines(string code)
    {
        if (!code.Contains("#!", StringComparison.Ordinal))
        {
            return code;
        }

        var result = new StringBuilder(code);
        int lineStart = 0;
        while (lineStart < code.Length)
        {
            int lineEnd = code.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = code.Length;
            }

            if (string.CompareOrdinal(code, lineStart, "#!", 0, 2) == 0)
            {
                for (int i = lineStart; i < lineEnd; i++)
                {
                    if (code[i] != '\r')
                    {
                        result[i] = ' ';
                    }
                }
            }

            lineStart = lineEnd + 1;
        }

        return result.ToString();
    }
}
