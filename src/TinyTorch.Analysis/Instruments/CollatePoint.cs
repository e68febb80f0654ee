namespace TinyTorch.Analysis.Instruments;

/// <summary>One batch size's collation costs in a <see cref="CollateCostResult"/>.</summary>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="SampleBytes">Bytes of one sample (features and label).</param>
/// <param name="Naive">Median time per batch of the naive way: a new tensor per sample, then a new batch array.</param>
/// <param name="Pooled">Median time per batch of copying each sample straight into one reused (pooled) buffer.</param>
/// <param name="NaiveAllocatedBytes">Bytes the naive way allocates per batch.</param>
/// <param name="PooledAllocatedBytes">Bytes the pooled way allocates per batch (after its first batch).</param>
public sealed record CollatePoint(int BatchSize, int SampleBytes, TimeSpan Naive, TimeSpan Pooled, long NaiveAllocatedBytes, long PooledAllocatedBytes);
