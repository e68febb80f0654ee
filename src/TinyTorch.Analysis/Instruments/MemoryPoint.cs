namespace TinyTorch.Analysis.Instruments;

/// <summary>One dataset size's peak memory in a <see cref="MemoryComparison"/>.</summary>
/// <param name="DatasetSize">Samples in the dataset.</param>
/// <param name="EagerPeakBytes">Peak managed memory, above the baseline, while every batch of the epoch is held at once.</param>
/// <param name="LazyPeakBytes">Peak managed memory, above the baseline, while batches stream one at a time.</param>
/// <param name="EpochBatchBytes">The bytes of all the epoch's batch tensors added up: what eager loading must hold.</param>
public sealed record MemoryPoint(int DatasetSize, long EagerPeakBytes, long LazyPeakBytes, long EpochBatchBytes);
