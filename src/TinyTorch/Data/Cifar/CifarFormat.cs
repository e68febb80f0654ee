namespace TinyTorch.Data.Cifar;

/// <summary>
/// The CIFAR-10 binary format: a file is a sequence of fixed-size records, each one label byte (0-9)
/// followed by 3,072 pixel bytes, the 32×32 red plane, then green, then blue (CHW order). Fixed-size
/// records are what make lazy loading cheap: record i starts at byte i × 3,073.
/// </summary>
public static class CifarFormat
{
    /// <summary>Colour channels per image.</summary>
    public const int Channels = 3;

    /// <summary>Image height in pixels.</summary>
    public const int Height = 32;

    /// <summary>Image width in pixels.</summary>
    public const int Width = 32;

    /// <summary>Pixel bytes per image (3 × 32 × 32).</summary>
    public const int ImageBytes = Channels * Height * Width;

    /// <summary>Bytes per record: one label byte and the image.</summary>
    public const int RecordBytes = 1 + ImageBytes;

    /// <summary>The number of classes.</summary>
    public const int ClassCount = 10;

    /// <summary>The ten CIFAR-10 class names, indexed by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        Array.AsReadOnly(["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]);

    /// <summary>The shape of one image tensor: [3, 32, 32].</summary>
    public static ReadOnlySpan<int> ImageShape => [Channels, Height, Width];
}
