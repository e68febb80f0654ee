namespace TinyTorch.Data.Cifar;

/// <summary>
/// Writes deterministic synthetic CIFAR-10-format files, so the kit can demonstrate lazy loading of
/// a file of any size with no download. Each class draws a distinct, left-right asymmetric picture
/// (a coloured block and a diagonal stripe on a tinted background, jittered by noise), so flips and
/// crops are visible when the images are shown.
/// </summary>
public static class SyntheticCifar
{
    /// <summary>Writes <paramref name="count"/> records to <paramref name="path"/>; the same seed gives the same bytes.</summary>
    /// <param name="path">The file to create.</param>
    /// <param name="count">The number of records, at least 0.</param>
    /// <param name="seed">The seed of the labels and the noise.</param>
    /// <param name="overwrite">Replace an existing file; otherwise an existing file is an error.</param>
    /// <param name="progress">Receives the number of records written so far, now and then.</param>
    /// <returns>The full path of the file written.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="IOException">The file exists and <paramref name="overwrite"/> is false.</exception>
    public static string Write(string path, int count, int seed = 0, bool overwrite = false, IProgress<int>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        string full = Path.GetFullPath(path);
        if (!overwrite && File.Exists(full))
        {
            throw new IOException($"'{full}' already exists; pass overwrite: true to replace it.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var random = new Random(seed);
        const int chunk = 1024;
        var buffer = new byte[chunk * CifarFormat.RecordBytes];
        // Written to a temporary name first, so a crash never leaves a half-written file under the real
        // name; a unique one, so that two writers of the same file (two notebook runs) never collide.
        string temporary = $"{full}.{Guid.NewGuid():N}.partial";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                for (int start = 0; start < count; start += chunk)
                {
                    int n = Math.Min(chunk, count - start);
                    for (int r = 0; r < n; r++)
                    {
                        FillRecord(buffer.AsSpan(r * CifarFormat.RecordBytes, CifarFormat.RecordBytes), random);
                    }

                    stream.Write(buffer, 0, n * CifarFormat.RecordBytes);
                    progress?.Report(start + n);
                }
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return full;
    }

    private static void FillRecord(Span<byte> record, Random random)
    {
        int label = random.Next(CifarFormat.ClassCount);
        record[0] = (byte)label;
        var pixels = record[1..];
        const int size = CifarFormat.Height * CifarFormat.Width;
        // Class-specific geometry: the block's corner and the stripe's slope depend on the label.
        int blockTop = 4 + label % 5 * 4, blockLeft = 2 + label / 5 * 4, blockSize = 8 + label % 3 * 2;
        for (int c = 0; c < CifarFormat.Channels; c++)
        {
            int tint = 40 + (label * 37 + c * 71) % 120;
            int blockColour = 255 - (label * 53 + c * 97) % 160;
            for (int y = 0; y < CifarFormat.Height; y++)
            {
                for (int x = 0; x < CifarFormat.Width; x++)
                {
                    int value = tint + y * 2;
                    if (y >= blockTop && y < blockTop + blockSize && x >= blockLeft && x < blockLeft + blockSize)
                    {
                        value = blockColour;
                    }
                    else if (Math.Abs(y - (x * (label % 3 + 1) / 2)) <= 1)
                    {
                        value = 230 - c * 60;
                    }

                    value += random.Next(-12, 13);
                    pixels[c * size + y * CifarFormat.Width + x] = (byte)Math.Clamp(value, 0, 255);
                }
            }
        }
    }
}
