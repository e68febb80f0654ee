namespace TinyTorch.Data;

/// <summary>
/// Where a <see cref="DataLoader"/> is in its run, and the settings that decide its batches: save it
/// with a checkpoint (it serialises to JSON with System.Text.Json as it is), and give it to
/// <see cref="DataLoader.LoadState"/> of a loader built the same way to continue with exactly the
/// batches the interrupted run would have produced, with any number of workers.
/// </summary>
/// <remarks>
/// Every batch is a pure function of these values: its indices come from the sampler's order for
/// (seed, epoch) and its augmentation from (<see cref="Seed"/>, epoch, sample index) (see
/// <see cref="SampleRandom"/>), so nothing else needs saving, neither the workers' queues nor any
/// generator's state. The settings are there to be checked: <see cref="DataLoader.LoadState"/> rejects
/// a state whose settings differ from the loader's, since it would silently give other batches.
/// </remarks>
/// <param name="Epoch">The epoch to continue, from 0.</param>
/// <param name="NextBatch">The first batch of that epoch not yet handed to the consumer, from 0.</param>
/// <param name="Seed">The loader's <see cref="DataLoader.Seed"/>: the augmentation's seed, and the order's when the loader shuffles.</param>
/// <param name="DatasetCount">The dataset's number of samples.</param>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="DropLast">Whether a final smaller batch is dropped.</param>
/// <param name="ShuffleSeed">The seed of the epoch order's shuffle (the loader's, or its sampler's), or null when the order is not shuffled or comes from a custom sampler.</param>
/// <param name="NumReplicas">The replicas sharing the dataset through a <see cref="Sampling.DistributedSampler"/>; 1 without one.</param>
/// <param name="Rank">This replica's number; 0 without a <see cref="Sampling.DistributedSampler"/>.</param>
/// <param name="SamplesPerEpoch">The indices the loader visits per epoch: the dataset's count, or the sampler's (a replica's shard).</param>
public sealed record DataLoaderState(
    int Epoch,
    int NextBatch,
    int Seed,
    int DatasetCount,
    int BatchSize,
    bool DropLast,
    int? ShuffleSeed,
    int NumReplicas,
    int Rank,
    int SamplesPerEpoch);
