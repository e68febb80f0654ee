using System.Text;

namespace Course.Notebooks.Files;

/// <summary>
/// Writes a file so that readers see either the old content or the new, never half of it: the content goes to a
/// temporary file beside the target, which then replaces it by rename. A run that is killed or fails half-way
/// therefore never leaves a half-written notebook, result, gradebook, kernelspec or package behind, and the
/// temporary file is removed whatever happens.
/// </summary>
/// <remarks>
/// The kit's one implementation: the notebook engine, the grading driver, the kernel installer, the CLI and the
/// withholding build tool (which compiles this file in as a shared source, having no project references) all
/// write through it.
/// </remarks>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically (UTF-8, no BOM).</summary>
    /// <param name="path">The file to create or replace; its folder is created if need be.</param>
    /// <param name="content">Its new content.</param>
    public static void WriteAllText(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Write(path, temporary => File.WriteAllText(temporary, content, Utf8NoBom));
    }

    /// <summary>
    /// Has <paramref name="writeTemporary"/> write the new content to a temporary file beside <paramref name="path"/>,
    /// then puts it in place. If <paramref name="writeTemporary"/> throws (a failed write, or a check of the written
    /// file that refuses it), the exception propagates and <paramref name="path"/> keeps its old content.
    /// </summary>
    /// <param name="path">The file to create or replace; its folder is created if need be.</param>
    /// <param name="writeTemporary">Writes the complete new content to the path it is given (a file that does not exist yet).</param>
    public static void Write(string path, Action<string> writeTemporary)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(writeTemporary);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Beside the target, so the rename stays on one file system and is atomic; unique, so concurrent writers of
        // the same file never write into each other's temporary file.
        string temporary = $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            writeTemporary(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
