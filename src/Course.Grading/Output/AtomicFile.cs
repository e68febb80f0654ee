using System.Text;

namespace Course.Grading.Output;

/// <summary>
/// Writes a file so that readers see either the old content or the new, never half of it: the text
/// goes to a temporary file beside the target, which then replaces it by rename. A grading run that
/// is killed therefore never leaves a half-written result or gradebook behind.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically (UTF-8, no BOM).</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="content">Its new content.</param>
    public static void WriteAllText(string path, string content)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temporary = $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, content, new UTF8Encoding(false));
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
