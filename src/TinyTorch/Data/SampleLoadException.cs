namespace TinyTorch.Data;

/// <summary>
/// Thrown by a <see cref="DataLoader"/>'s enumerator when reading or transforming one sample failed.
/// It names the sample, and the dataset's own exception is the <see cref="Exception.InnerException"/>,
/// whether the sample was loaded on the consumer's thread or on a background worker.
/// </summary>
public sealed class SampleLoadException : Exception
{
    /// <summary>Creates the exception for the sample at <paramref name="sampleIndex"/>.</summary>
    /// <param name="sampleIndex">The dataset index of the sample that failed.</param>
    /// <param name="batchIndex">The position of the batch in the epoch.</param>
    /// <param name="inner">What the dataset or transform threw.</param>
    public SampleLoadException(int sampleIndex, int batchIndex, Exception inner)
        : base($"Loading sample {sampleIndex} (in batch {batchIndex}) failed: {inner.GetType().Name}: {inner.Message}", inner)
    {
        SampleIndex = sampleIndex;
        BatchIndex = batchIndex;
    }

    /// <summary>The dataset index of the sample that failed.</summary>
    public int SampleIndex { get; }

    /// <summary>The position of the failed sample's batch in the epoch (0 for the first batch).</summary>
    public int BatchIndex { get; }
}
