namespace TinyTorch.Analysis.Instruments;

/// <summary>One batch size's measurements in a <see cref="BatchSizeSweepResult"/>.</summary>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="SamplesPerSecond">Samples delivered per second over an epoch (the median epoch).</param>
/// <param name="BytesPerBatch">The bytes of one full batch's tensors: the memory the consumer holds per batch.</param>
/// <param name="EpochTime">The median time of one epoch.</param>
/// <param name="BatchesPerEpoch">Batches in one epoch.</param>
public sealed record BatchSizePoint(int BatchSize, double SamplesPerSecond, long BytesPerBatch, TimeSpan EpochTime, int BatchesPerEpoch);
