using System.Buffers.Binary;
using System.Globalization;

namespace Course.Grading.Archives;

/// <summary>
/// Reads a zip's central directory itself, bounded, before <see cref="System.IO.Compression.ZipArchive"/> does: the
/// number of entries is checked against the limit before any entry is read (ZipArchive allocates one object per
/// entry the directory lists), and each entry's raw name bytes, file mode and extended timestamp are kept, which
/// ZipArchive does not show (it decodes names leniently, so a name that is not UTF-8 would arrive with U+FFFD).
/// </summary>
internal static class ZipCentralDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint EntrySignature = 0x02014b50;
    private const int EndSize = 22;
    private const int EntryHeaderSize = 46;

    /// <summary>The entries of the zip in <paramref name="stream"/>, in directory order.</summary>
    /// <param name="stream">The archive, seekable.</param>
    /// <param name="limits">The limits.</param>
    /// <param name="refuse">Makes the exception for a reason about the whole archive.</param>
    /// <returns>The entries.</returns>
    public static IReadOnlyList<ZipCentralEntry> Read(Stream stream, ArchiveLimits limits, Func<string, ArchiveRefusedException> refuse)
    {
        long length = stream.Length;
        long end = FindEnd(stream, length) ?? throw refuse("it is not a zip archive (no end-of-central-directory record)");
        byte[] record = ReadAt(stream, end, EndSize);
        ushort disk = BinaryPrimitives.ReadUInt16LittleEndian(record.AsSpan(4));
        ushort directoryDisk = BinaryPrimitives.ReadUInt16LittleEndian(record.AsSpan(6));
        ulong count = BinaryPrimitives.ReadUInt16LittleEndian(record.AsSpan(10));
        ulong size = BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(12));
        ulong offset = BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(16));
        long directoryEnd = end;
        if (count == ushort.MaxValue || size == uint.MaxValue || offset == uint.MaxValue)
        {
            // Zip64: the real figures are in the zip64 end record, which a locator just before this record points to.
            byte[] locator = end >= 20 ? ReadAt(stream, end - 20, 20) : [];
            if (locator.Length < 20 || BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature)
            {
                throw refuse("its zip64 end record is missing");
            }

            ulong zip64End = BinaryPrimitives.ReadUInt64LittleEndian(locator.AsSpan(8));
            if (end - 20 < 56 || zip64End > (ulong)(end - 20 - 56))
            {
                throw refuse("its zip64 end record lies outside the archive");
            }

            byte[] zip64 = ReadAt(stream, (long)zip64End, 56);
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip64) != Zip64EndSignature)
            {
                throw refuse("its zip64 end record is damaged");
            }

            count = BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(32));
            size = BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(40));
            offset = BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(48));
            directoryEnd = (long)zip64End;
        }

        if (disk != 0 || directoryDisk != 0)
        {
            throw refuse("it is one part of a split (multi-disk) archive");
        }

        if (count > (ulong)limits.MaxEntries)
        {
            throw refuse(string.Create(CultureInfo.InvariantCulture, $"it lists {count:N0} entries, more than the {limits.MaxEntries:N0} allowed"));
        }

        if (offset > (ulong)directoryEnd || size > (ulong)directoryEnd - offset)
        {
            throw refuse("its central directory lies outside the archive");
        }

        var entries = new List<ZipCentralEntry>((int)count);
        long position = (long)offset;
        long limit = (long)(offset + size);
        for (int i = 0; i < (int)count; i++)
        {
            if (limit - position < EntryHeaderSize)
            {
                throw refuse(string.Create(CultureInfo.InvariantCulture, $"its central directory ends after {i} of the {count} entries it lists"));
            }

            byte[] header = ReadAt(stream, position, EntryHeaderSize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != EntrySignature)
            {
                throw refuse(string.Create(CultureInfo.InvariantCulture, $"its central directory is damaged at entry {i + 1}"));
            }

            ushort nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
            ushort extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(30));
            ushort commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(32));
            long next = position + EntryHeaderSize + nameLength + extraLength + commentLength;
            if (next > limit)
            {
                throw refuse(string.Create(CultureInfo.InvariantCulture, $"its central directory is damaged at entry {i + 1}"));
            }

            if (nameLength > limits.MaxNameBytes)
            {
                throw refuse(string.Create(CultureInfo.InvariantCulture,
                    $"entry {i + 1}'s name is {nameLength:N0} bytes long, more than the {limits.MaxNameBytes:N0} allowed"));
            }

            byte[] name = ReadAt(stream, position + EntryHeaderSize, nameLength);
            byte[] extra = ReadAt(stream, position + EntryHeaderSize + nameLength, extraLength);
            entries.Add(new ZipCentralEntry(
                i,
                name,
                Flags: BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8)),
                Method: BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(10)),
                VersionMadeBy: BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(4)),
                ExternalAttributes: BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(38)),
                UnixModifiedSeconds: ExtendedTimestamp(extra)));
            position = next;
        }

        return entries;
    }

    // The end record is the last thing in the file, followed only by its comment: the first candidate from the end
    // whose comment length reaches exactly to the end of the file.
    private static long? FindEnd(Stream stream, long length)
    {
        if (length < EndSize)
        {
            return null;
        }

        int tailLength = (int)Math.Min(length, EndSize + ushort.MaxValue);
        byte[] tail = ReadAt(stream, length - tailLength, tailLength);
        for (int i = tailLength - EndSize; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == EndSignature
                && i + EndSize + BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 20)) == tailLength)
            {
                return length - tailLength + i;
            }
        }

        return null;
    }

    // The modification time of an extended-timestamp extra field (0x5455; in the central directory: flags, then the
    // modification time when flag bit 0 is set): UTC, where the DOS time beside it has no zone.
    private static long? ExtendedTimestamp(ReadOnlySpan<byte> extra)
    {
        while (extra.Length >= 4)
        {
            ushort id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (size > extra.Length - 4)
            {
                return null;
            }

            var data = extra.Slice(4, size);
            if (id == 0x5455 && data.Length >= 5 && (data[0] & 1) != 0)
            {
                return BinaryPrimitives.ReadInt32LittleEndian(data[1..]);
            }

            extra = extra[(4 + size)..];
        }

        return null;
    }

    private static byte[] ReadAt(Stream stream, long position, int count)
    {
        byte[] buffer = new byte[count];
        stream.Position = position;
        stream.ReadExactly(buffer);
        return buffer;
    }
}
