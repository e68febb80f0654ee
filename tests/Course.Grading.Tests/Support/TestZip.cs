using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Course.Grading.Tests.Support;

/// <summary>
/// Zips made for the archive tests: built with ZipArchive, then doctored byte by byte where ZipArchive will not write
/// what a hostile archive holds (names that are not UTF-8, sizes that lie, the encrypted flag).
/// </summary>
internal sealed class TestZip
{
    private readonly List<(string Name, byte[] Content, uint? Attributes, DateTimeOffset? Time)> _entries = [];

    public TestZip Add(string name, string content = "{}", uint? unixMode = null, DateTimeOffset? time = null) =>
        Add(name, Encoding.UTF8.GetBytes(content), unixMode, time);

    public TestZip Add(string name, byte[] content, uint? unixMode = null, DateTimeOffset? time = null)
    {
        _entries.Add((name, content, unixMode is { } mode ? mode << 16 : null, time));
        return this;
    }

    public byte[] Bytes()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, attributes, time) in _entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                if (attributes is { } a)
                {
                    entry.ExternalAttributes = (int)a;
                }

                entry.LastWriteTime = time ?? new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return memory.ToArray();
    }

    public string WriteTo(string path)
    {
        File.WriteAllBytes(path, Bytes());
        return path;
    }

    /// <summary>Replaces bytes of every header's name (local and central): <paramref name="from"/> must be as long as <paramref name="to"/>.</summary>
    public static byte[] ReplaceInNames(byte[] zip, byte[] from, byte[] to)
    {
        Assert.Equal(from.Length, to.Length);
        byte[] copy = (byte[])zip.Clone();
        int replaced = 0;
        for (int i = 0; i + from.Length <= copy.Length; i++)
        {
            if (copy.AsSpan(i, from.Length).SequenceEqual(from))
            {
                to.CopyTo(copy, i);
                replaced++;
            }
        }

        Assert.True(replaced >= 2, "the name was not found in both headers");
        return copy;
    }

    /// <summary>Rewrites a central-directory field of every entry (and the local header's twin where it has one).</summary>
    public static byte[] PatchCentral(byte[] zip, Action<byte[], int, int?> patch)
    {
        byte[] copy = (byte[])zip.Clone();
        for (int i = 0; i + 4 <= copy.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(i)) == 0x02014b50)
            {
                int localOffset = (int)BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(i + 42));
                patch(copy, i, localOffset);
            }
        }

        return copy;
    }

    /// <summary>Sets the declared uncompressed size of every entry (or of the one named <paramref name="only"/>), in the central directory and the local headers.</summary>
    public static byte[] DeclareSize(byte[] zip, uint size, string? only = null) => PatchCentral(zip, (bytes, central, local) =>
    {
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(central + 28));
        if (only is null || Encoding.UTF8.GetString(bytes, central + 46, nameLength) == only)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(central + 24), size);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(local!.Value + 22), size);
        }
    });
}
