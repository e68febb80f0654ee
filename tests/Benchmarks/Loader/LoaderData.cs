using TinyTorch;
using TinyTorch.Data;
using TinyTorch.Transforms;

namespace Benchmarks.Loader;

/// <summary>
/// The benchmark's dataset: <see cref="Count"/> CIFAR-shaped samples (a [3, 32, 32] float32 image and a
/// float32 label) held in two flat arrays, wrapped once as a <see cref="TensorDataset"/> and once as a
/// flip+crop <see cref="TransformedDataset"/>. Every row of the suite reads these same arrays.
/// </summary>
internal sealed class LoaderData
{
    public const int Channels = 3;
    public const int Height = 32;
    public const int Width = 32;

    /// <summary>Floats per image: 3 × 32 × 32.</summary>
    public const int ImageLength = Channels * Height * Width;

    /// <summary>Bytes of one sample as it lands in a batch: the image plus its label.</summary>
    public const int SampleBytes = (ImageLength + 1) * sizeof(float);

    public LoaderData(int count, int seed)
    {
        Count = count;
        Images = new float[checked(count * ImageLength)];
        Labels = new float[count];
        // Values do not matter to a copy, but they must be real (no page shared with zeros): fill every one.
        var random = new Random(seed);
        for (int i = 0; i < Images.Length; i++)
        {
            Images[i] = (float)random.NextDouble();
        }

        for (int i = 0; i < Labels.Length; i++)
        {
            Labels[i] = random.Next(10);
        }

        Dataset = new TensorDataset(new Tensor(Images, count, Channels, Height, Width), new Tensor(Labels, count));
        Augmented = new TransformedDataset(Dataset, FlipAndCrop(seed));
        SharedStream = new SharedStreamRows(new TransformedDataset(Dataset, FlipAndCrop(seed)));
    }

    public int Count { get; }

    /// <summary>All images back to back, [Count, 3, 32, 32] row-major.</summary>
    public float[] Images { get; }

    /// <summary>One label per sample.</summary>
    public float[] Labels { get; }

    /// <summary>The plain dataset over <see cref="Images"/> and <see cref="Labels"/> (no copy).</summary>
    public TensorDataset Dataset { get; }

    /// <summary><see cref="Dataset"/> with RandomHorizontalFlip(0.5) then RandomCrop(32, padding 4) on the images.</summary>
    public TransformedDataset Augmented { get; }

    /// <summary>The same augmentation drawing from the transforms' own shared generators, as before issue #18 (see <see cref="SharedStreamRows"/>).</summary>
    public SharedStreamRows SharedStream { get; }

    /// <summary>The dataset's size in bytes.</summary>
    public long Bytes => (long)Count * SampleBytes;

    private static Compose FlipAndCrop(int seed) =>
        new(new RandomHorizontalFlip(0.5, seed + 1), new RandomCrop(Height, padding: 4, seed: seed + 2));
}
