namespace Course.Grading.Archives;

/// <summary>
/// The CRC-32 a zip stores for each entry (IEEE 802.3, reflected, as zlib computes it). ZipArchive stops inflating an
/// entry at its declared size without telling, so a doctored entry that inflates to more than it declares would be
/// cut short silently; comparing the checksum of what was written finds that, and any other damage.
/// </summary>
internal static class ZipCrc32
{
    private static readonly uint[] Table = MakeTable();

    /// <summary>Continues <paramref name="crc"/> (start with 0) over <paramref name="bytes"/>.</summary>
    /// <param name="crc">The checksum so far.</param>
    /// <param name="bytes">The next bytes.</param>
    /// <returns>The checksum including them.</returns>
    public static uint Append(uint crc, ReadOnlySpan<byte> bytes)
    {
        crc = ~crc;
        foreach (byte b in bytes)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] MakeTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
