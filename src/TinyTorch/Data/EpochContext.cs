namespace TinyTorch.Data;

/// <summary>
/// What every batch of one epoch is read with, fixed when the epoch starts: the loader, the dataset's
/// count then (to detect a dataset that changes mid-epoch), and the epoch's key, from which each
/// sample's <see cref="SampleRandom"/> is made, so (seed, epoch) is mixed once per epoch, not per sample.
/// </summary>
internal readonly record struct EpochContext(DataLoader Loader, int DatasetCount, ulong Key);
