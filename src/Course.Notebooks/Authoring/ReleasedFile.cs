using System.Text;

namespace Course.Notebooks.Authoring;

/// <summary>
/// Whether a student notebook file is current: byte for byte what releasing its source gives now, as
/// <c>course release</c> writes it (<see cref="ReleaseResult.Serialize"/> in UTF-8 without a byte order mark). The
/// kit's one such comparison, for the release command (which leaves a current file alone), validation (which calls
/// anything else stale) and the test that the committed student notebooks are current.
/// </summary>
public static class ReleasedFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Whether <paramref name="studentFile"/> holds exactly <paramref name="releasedText"/>.</summary>
    /// <param name="studentFile">The student notebook file's bytes.</param>
    /// <param name="releasedText">A fresh release of its source (<see cref="ReleaseResult.Serialize"/>).</param>
    /// <returns>True when the file is current.</returns>
    public static bool IsCurrent(ReadOnlySpan<byte> studentFile, string releasedText)
    {
        ArgumentNullException.ThrowIfNull(releasedText);
        return studentFile.SequenceEqual(Utf8NoBom.GetBytes(releasedText));
    }
}
