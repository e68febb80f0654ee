using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Course.Notebooks.Format;

/// <summary>
/// Turns a notebook file's bytes into text, strictly: UTF-8 (nbformat's encoding), with or without a byte order
/// mark, or UTF-16 or UTF-32 when a byte order mark says so (the encodings <c>File.ReadAllText</c> recognises, so
/// files that read before still read). Bytes that are not valid in their encoding are an error, never replaced.
/// </summary>
/// <remarks>
/// Lenient decoding would hand the JSON parser text that fails only later, when a string is first read, and then
/// as an <see cref="InvalidOperationException"/> far from the reader; every error here is a
/// <see cref="NotebookFormatException"/> raised before parsing.
/// </remarks>
internal static class NotebookEncoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The content as UTF-8 without a byte order mark: a slice of it, or a re-encoding of UTF-16 or UTF-32.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <returns>Valid UTF-8.</returns>
    /// <exception cref="NotebookFormatException">The bytes are not valid in their encoding.</exception>
    public static ReadOnlySpan<byte> ToUtf8(ReadOnlySpan<byte> content)
    {
        if (Wide(content) is { } wide)
        {
            return StrictUtf8.GetBytes(Decode(content, wide.Encoding, wide.BomLength));
        }

        ReadOnlySpan<byte> utf8 = content.StartsWith("\uFEFF"u8) ? content[3..] : content;
        if (!Utf8.IsValid(utf8))
        {
            int offset = FirstInvalidUtf8(utf8);
            int skipped = content.Length - utf8.Length;
            throw new NotebookFormatException(null, null, string.Create(CultureInfo.InvariantCulture,
                $"not valid UTF-8: byte 0x{utf8[offset]:X2} at offset {offset + skipped} (save the notebook as UTF-8)"));
        }

        return utf8;
    }

    /// <summary>The content as text.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <returns>The text, without a byte order mark.</returns>
    /// <exception cref="NotebookFormatException">The bytes are not valid in their encoding.</exception>
    public static string ToText(ReadOnlySpan<byte> content) =>
        Wide(content) is { } wide ? Decode(content, wide.Encoding, wide.BomLength) : StrictUtf8.GetString(ToUtf8(content));

    /// <summary>Text as UTF-8.</summary>
    /// <param name="text">Text, possibly with an unpaired surrogate (a .NET string need not be valid UTF-16).</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="NotebookFormatException">The text holds an unpaired surrogate.</exception>
    public static byte[] FromText(string text)
    {
        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException error)
        {
            throw new NotebookFormatException(null, null, string.Create(CultureInfo.InvariantCulture,
                $"the text holds an unpaired UTF-16 surrogate (\\u{(int)(error.CharUnknown != '\0' ? error.CharUnknown : error.CharUnknownHigh):X4} at character {error.Index})"), error);
        }
    }

    private static (Encoding Encoding, int BomLength)? Wide(ReadOnlySpan<byte> content) => content switch
    {
        // UTF-32 first: its little-endian mark starts with UTF-16's.
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2),
        _ => null,
    };

    private static string Decode(ReadOnlySpan<byte> content, Encoding encoding, int bomLength)
    {
        try
        {
            return encoding.GetString(content[bomLength..]);
        }
        catch (DecoderFallbackException error)
        {
            throw new NotebookFormatException(null, null, string.Create(CultureInfo.InvariantCulture,
                $"not valid {encoding.WebName.ToUpperInvariant()} (a byte order mark says so): bad bytes at offset {bomLength + Math.Max(0, error.Index)}"), error);
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        int offset = 0;
        while (offset < utf8.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(utf8[offset..], out _, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return 0;
    }
}
