namespace Course.Specs.Core;

/// <summary>Reads the kernel's per-process I/O counters (<c>/proc/PID/io</c>).</summary>
public static class ProcIo
{
    /// <summary>The <c>rchar</c> counter of an io file: bytes read through read system calls.</summary>
    /// <param name="path">The file, e.g. <c>/proc/self/io</c>.</param>
    /// <returns>The count, or 0 when the file is missing or unreadable.</returns>
    public static long BytesRead(string path)
    {
        try
        {
            foreach (string line in File.ReadLines(path))
            {
                if (line.StartsWith("rchar:", StringComparison.Ordinal) && long.TryParse(line.AsSpan(6).Trim(), out long value))
                {
                    return value;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not ours to read: no count.
        }

        return 0;
    }
}
