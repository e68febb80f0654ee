namespace Course.Grading.Archives;

/// <summary>One entry of a zip's central directory, as stored: what <see cref="System.IO.Compression.ZipArchive"/> does not show.</summary>
/// <param name="Index">Its position in the central directory, from 0.</param>
/// <param name="NameBytes">Its name's bytes, undecoded.</param>
/// <param name="Flags">The general-purpose bit flags (bit 0: encrypted).</param>
/// <param name="Method">The compression method (0 stored, 8 deflate, 9 deflate64).</param>
/// <param name="VersionMadeBy">The "version made by" field: its high byte is the host system (3 is Unix).</param>
/// <param name="ExternalAttributes">The external attributes: for a Unix host, the file mode in the high 16 bits.</param>
/// <param name="UnixModifiedSeconds">The modification time from an extended-timestamp field (0x5455), in Unix seconds (UTC); null when absent.</param>
internal sealed record ZipCentralEntry(int Index, byte[] NameBytes, ushort Flags, ushort Method, ushort VersionMadeBy, uint ExternalAttributes, long? UnixModifiedSeconds);
