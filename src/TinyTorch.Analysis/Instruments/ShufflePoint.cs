namespace TinyTorch.Analysis.Instruments;

/// <summary>One dataset size's shuffle times in a <see cref="ShuffleCostResult"/>.</summary>
/// <param name="DatasetSize">Samples in the dataset.</param>
/// <param name="SampleBytes">Bytes of one sample.</param>
/// <param name="IndexShuffle">The median time to draw an epoch's order of indices (a <c>RandomSampler</c>).</param>
/// <param name="DataShuffle">The median time to permute the samples themselves in memory (Fisher-Yates over rows).</param>
public sealed record ShufflePoint(int DatasetSize, int SampleBytes, TimeSpan IndexShuffle, TimeSpan DataShuffle)
{
    /// <summary>The bytes an index shuffle touches: one 4-byte index per sample.</summary>
    public long IndexBytes => (long)DatasetSize * sizeof(int);

    /// <summary>The bytes a data shuffle touches: the whole dataset.</summary>
    public long DataBytes => (long)DatasetSize * SampleBytes;
}
