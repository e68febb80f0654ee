using TinyTorch.Data;

namespace TinyTorch.Analysis.Tests.Support;

/// <summary>Small deterministic (features, label) datasets, so that the instruments run in milliseconds.</summary>
internal static class SmallData
{
    public static TensorDataset Images(int samples, int channels = 3, int height = 4, int width = 4, int seed = 0)
    {
        var random = new Random(seed);
        var features = new float[samples * channels * height * width];
        for (int i = 0; i < features.Length; i++)
        {
            features[i] = random.NextSingle();
        }

        return new TensorDataset(
            new Tensor(features, samples, channels, height, width),
            Tensor.FromLabels(Enumerable.Range(0, samples).Select(i => i % 10).ToArray()));
    }

    /// <summary>Bytes of one batch of <paramref name="batchSize"/> samples of <see cref="Images"/>: the features plus one float label each.</summary>
    public static long BatchBytes(int batchSize, int channels = 3, int height = 4, int width = 4) =>
        (long)batchSize * (channels * height * width + 1) * sizeof(float);
}
