using System.Buffers;
using System.Collections;
using TinyTorch.Data.Sampling;

namespace TinyTorch.Data;

/// <summary>
/// Turns a dataset into a stream of batches: it groups samples into batches of
/// <see cref="BatchSize"/>, visits them in a fresh shuffled order each epoch when asked to, and
/// produces each batch only when the training loop asks for it.
/// </summary>
/// <remarks>
/// <para>
/// <b>Laziness.</b> With <see cref="NumWorkers"/> = 0 a batch's samples are read only when that batch
/// is requested, so peak memory is one batch, not the dataset. With workers, up to
/// <c>NumWorkers × PrefetchFactor</c> batches are loaded ahead on background threads, trading
/// that bounded memory for hiding the loading time behind the consumer's work.
/// </para>
/// <para>
/// <b>Shuffling</b> permutes an array of indices (Fisher-Yates), never the data. The permutation of
/// epoch e depends only on <see cref="Seed"/> and e: the same seed gives the same epochs, and each epoch
/// differs from the last. Each call to <see cref="GetEnumerator"/> starts the next epoch.
/// </para>
/// <para>
/// <b>Augmentation</b> is reproducible too: the loader gives every sample it reads a generator made from
/// (<see cref="Seed"/>, epoch, sample index), a <see cref="SampleRandom"/>, and the dataset's random
/// transforms draw from it (see <see cref="Dataset{TSample}.Read"/>). So batch k of epoch e is the same,
/// value for value, with 0, 1, 2 or 8 workers, on every replica that reads those samples, and whether or
/// not earlier epochs ran. The transforms' own seeds matter only when they are applied by hand.
/// </para>
/// <para>
/// <b>Resuming.</b> Since every batch is a pure function of the settings, the epoch and the batch number,
/// <see cref="GetState"/> is all a checkpoint needs, and <see cref="LoadState"/> on a loader built the
/// same way continues an interrupted epoch with exactly the batches it would have produced.
/// </para>
/// <para>
/// <b>Batches</b> are <see cref="Batch"/> objects whose storage may be pooled: dispose a batch when done
/// with it to recycle its buffers, or keep it as long as you like (see <see cref="Batch"/>).
/// </para>
/// </remarks>
public sealed class DataLoader : IEnumerable<Batch>
{
    private readonly Func<IReadOnlyList<Tensor[]>, Batch>? _collate;
    private readonly Sampler? _sampler;
    private readonly ArrayPool<float> _pool;

    // Where the run is: the next epoch to start, the batch it starts from (not 0 only after LoadState),
    // and the progress of the epoch started last. Changed together, under the gate.
    private readonly Lock _gate = new();
    private int _epoch;
    private int _resumeBatch;
    private EpochProgress? _latest;

    /// <summary>Creates a loader.</summary>
    /// <param name="dataset">The source of samples, each a tuple of tensors.</param>
    /// <param name="batchSize">Samples per batch, at least 1: the systems knob (throughput against memory).</param>
    /// <param name="shuffle">Visit samples in a fresh random order every epoch: the correctness knob, on for training, off for validation.</param>
    /// <param name="dropLast">Drop a final batch smaller than <paramref name="batchSize"/>.</param>
    /// <param name="seed">This loader's seed, for the shuffle and the augmentation; null draws one at random (see <see cref="Seed"/> to reproduce a run).</param>
    /// <param name="collate">Turns a list of samples into a batch; null stacks each position into one contiguous tensor (<see cref="Collate.Stack"/>).</param>
    /// <param name="sampler">A custom index order (for example a <see cref="DistributedSampler"/>); cannot be combined with <paramref name="shuffle"/>.</param>
    /// <param name="numWorkers">Background threads that load batches ahead; 0 loads each batch on the consumer's thread when it is requested.</param>
    /// <param name="prefetchFactor">Batches each worker may have ready ahead of the consumer, at least 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/>, <paramref name="numWorkers"/> or <paramref name="prefetchFactor"/> is out of range (the message names the value).</exception>
    /// <exception cref="ArgumentException">Both <paramref name="shuffle"/> and <paramref name="sampler"/> were given.</exception>
    public DataLoader(
        Dataset<Tensor[]> dataset,
        int batchSize,
        bool shuffle = false,
        bool dropLast = false,
        int? seed = null,
        Func<IReadOnlyList<Tensor[]>, Batch>? collate = null,
        Sampler? sampler = null,
        int numWorkers = 0,
        int prefetchFactor = 2)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        RequirePositiveBatchSize(batchSize);
        if (numWorkers < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numWorkers), numWorkers,
                $"numWorkers must be 0 (load on the consumer's thread) or more, but was {numWorkers}.");
        }

        if (prefetchFactor < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(prefetchFactor), prefetchFactor,
                $"prefetchFactor must be at least 1 batch per worker, but was {prefetchFactor}.");
        }

        if (sampler is not null && shuffle)
        {
            throw new ArgumentException(
                "shuffle cannot be combined with a custom sampler; the sampler decides the order (use a RandomSampler or a shuffling DistributedSampler).",
                nameof(sampler));
        }

        Dataset = dataset;
        BatchSize = batchSize;
        Shuffle = shuffle;
        DropLast = dropLast;
        Seed = seed ?? Random.Shared.Next();
        NumWorkers = numWorkers;
        PrefetchFactor = prefetchFactor;
        _collate = collate;
        _sampler = sampler;
        // Owned by this loader, so its recycled buffers are never visible to other code in the process.
        // Sized for the batches that can be alive at once (in flight plus held by the consumer), capped
        // so that extreme settings cannot overflow or reserve a huge pool up front.
        long buffersAlive = 2L * (numWorkers + 1L) * (prefetchFactor + 1L);
        _pool = ArrayPool<float>.Create(maxArrayLength: Array.MaxLength, maxArraysPerBucket: (int)Math.Min(buffersAlive, 256));
    }

    /// <summary>The source of samples.</summary>
    public Dataset<Tensor[]> Dataset { get; }

    /// <summary>Samples per batch (the last batch may hold fewer unless <see cref="DropLast"/>).</summary>
    public int BatchSize { get; }

    /// <summary>Whether each epoch visits the samples in a fresh random order.</summary>
    public bool Shuffle { get; }

    /// <summary>Whether a final batch smaller than <see cref="BatchSize"/> is dropped.</summary>
    public bool DropLast { get; }

    /// <summary>
    /// The seed of this loader's shuffling and of every sample's augmentation draws (drawn at random when
    /// none was given): build a loader with <c>seed: loader.Seed</c> to reproduce its run.
    /// </summary>
    public int Seed { get; }

    /// <summary>Background threads loading batches ahead (0 = none).</summary>
    public int NumWorkers { get; }

    /// <summary>Batches each worker may hold ready ahead of the consumer.</summary>
    public int PrefetchFactor { get; }

    /// <summary>The number of the epoch the next enumeration will produce (0 before the first, or the restored state's epoch).</summary>
    public int Epoch
    {
        get
        {
            lock (_gate)
            {
                return _epoch;
            }
        }
    }

    /// <summary>The number of batches per epoch: ceil(n / BatchSize), or floor(n / BatchSize) with <see cref="DropLast"/>.</summary>
    public int Count => BatchSampler.CountBatches(_sampler?.Count ?? Dataset.Count, BatchSize, DropLast);

    /// <summary>
    /// Starts the next epoch and returns its batches, produced one at a time as they are requested. After
    /// <see cref="LoadState"/>, the first enumeration starts at the state's batch instead of batch 0.
    /// </summary>
    public IEnumerator<Batch> GetEnumerator()
    {
        int datasetCount = Dataset.Count;
        var batchSampler = new BatchSampler(EpochSampler(datasetCount), BatchSize, DropLast);
        EpochProgress progress;
        lock (_gate)
        {
            progress = new EpochProgress(_epoch++, batchSampler.Count, _resumeBatch);
            _resumeBatch = 0;
            _latest = progress;
        }

        // Nothing is read for the batches skipped on resume: only their slices of the index order.
        var batches = batchSampler.Batches(progress.Epoch).Skip(progress.First);
        var epoch = new EpochContext(this, datasetCount, SampleRandom.EpochKey(Seed, progress.Epoch));
        return NumWorkers == 0
            ? Sequential(batches, epoch, progress)
            : new WorkerBatchEnumerator(batches, epoch, progress);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Where this loader is: the epoch started last and the number of batches handed to the consumer so
    /// far (after an epoch's last batch, the next epoch's batch 0), with the settings that decide the
    /// batches. Take it after the training step of a batch, save it with the model, and resume with
    /// <see cref="LoadState"/>. Batches that workers prefetched but the consumer has not received are not
    /// counted: the resumed loader builds them again.
    /// </summary>
    /// <returns>A record that serialises to JSON with System.Text.Json.</returns>
    public DataLoaderState GetState()
    {
        int epoch, next;
        lock (_gate)
        {
            (epoch, next) = _latest is { } latest
                ? (latest.Next < latest.Batches ? (latest.Epoch, latest.Next) : (latest.Epoch + 1, 0))
                : (_epoch, _resumeBatch);
        }

        var (numReplicas, rank) = Replica;
        return new DataLoaderState(epoch, next, Seed, Dataset.Count, BatchSize, DropLast, ShuffleSeed, numReplicas, rank, SamplesPerEpoch);
    }

    /// <summary>
    /// Continues the run <paramref name="state"/> describes: the next enumeration produces epoch
    /// <see cref="DataLoaderState.Epoch"/> from batch <see cref="DataLoaderState.NextBatch"/>, exactly the
    /// batches the loader that saved it would have produced, and later enumerations the epochs after it.
    /// Build this loader as that one was (same dataset, batch size, seed, sampler); the number of workers
    /// may differ.
    /// </summary>
    /// <param name="state">A state from <see cref="GetState"/> (possibly read back from JSON).</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The epoch or batch is negative, or the batch lies beyond the epoch (the message names the value).</exception>
    /// <exception cref="ArgumentException">The state comes from a loader with other settings: dataset size, batch size, drop-last, seed, shuffle, replicas or rank (the message names both values).</exception>
    public void LoadState(DataLoaderState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        RequireNotNegative(state.Epoch, "Epoch");
        RequireNotNegative(state.NextBatch, "NextBatch");
        RequireSame("DatasetCount", state.DatasetCount, Dataset.Count, "the dataset has changed: resume over the dataset the state was saved with");
        RequireSame("BatchSize", state.BatchSize, BatchSize, "build the loader with the batch size the state was saved with");
        RequireSame("DropLast", state.DropLast, DropLast, "build the loader with the dropLast the state was saved with");
        RequireSame("Seed", state.Seed, Seed, $"build the loader with seed: {state.Seed}");
        RequireSame("ShuffleSeed", state.ShuffleSeed, ShuffleSeed, "the epoch order would differ: build the loader (and its sampler) with the shuffle and seed the state was saved with");
        var (numReplicas, rank) = Replica;
        RequireSame("NumReplicas", state.NumReplicas, numReplicas, "each replica must resume with the DistributedSampler setup it was saved with");
        RequireSame("Rank", state.Rank, rank, "each replica must load its own state");
        RequireSame("SamplesPerEpoch", state.SamplesPerEpoch, SamplesPerEpoch, "the sampler visits another number of indices per epoch");
        int batches = Count;
        if (state.NextBatch > 0 && state.NextBatch >= batches)
        {
            throw new ArgumentOutOfRangeException(nameof(state), state.NextBatch,
                $"state.NextBatch {state.NextBatch} is beyond epoch {state.Epoch}, which has {batches} batches " +
                $"(0..{batches - 1}); the state after an epoch's last batch is the next epoch's batch 0.");
        }

        lock (_gate)
        {
            _epoch = state.Epoch;
            _resumeBatch = state.NextBatch;
            _latest = null;
        }
    }

    /// <summary>Reads the samples at <paramref name="indices"/> and collates them into batch <paramref name="batchIndex"/> of the epoch <paramref name="epoch"/> describes.</summary>
    internal Batch LoadBatch(ArraySegment<int> indices, int batchIndex, in EpochContext epoch)
    {
        if (Dataset.Count != epoch.DatasetCount)
        {
            throw new InvalidOperationException(
                $"The dataset's Count changed from {epoch.DatasetCount} to {Dataset.Count} during an epoch; " +
                "the epoch's indices no longer describe it. Finish or abandon the epoch before changing the dataset.");
        }

        return _collate is null && Dataset is IRowSource { CanCopyRows: true } rows
            ? Gather(rows, indices, batchIndex, epoch.Key)
            : CollateSamples(indices, batchIndex, epoch.Key);
    }

    internal static void RequirePositiveBatchSize(int batchSize)
    {
        if (batchSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize,
                $"batchSize must be a positive number of samples, but was {batchSize}.");
        }
    }

    private static void RequireNotNegative(int value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException("state", value, $"state.{name} must be 0 or more, but was {value}.");
        }
    }

    private static void RequireSame<T>(string name, T saved, T current, string advice)
    {
        if (!EqualityComparer<T>.Default.Equals(saved, current))
        {
            throw new ArgumentException(
                $"The state was saved by a loader with {name} {Show(saved)}, but this loader's {name} is {Show(current)}; {advice}.",
                "state");
        }

        static string Show(T value) => value?.ToString() ?? "null (no shuffle)";
    }

    private int? ShuffleSeed => _sampler switch
    {
        null => Shuffle ? Seed : null,
        RandomSampler random => random.Seed,
        DistributedSampler { Shuffle: true } distributed => distributed.Seed,
        _ => null,
    };

    private (int NumReplicas, int Rank) Replica => _sampler is DistributedSampler d ? (d.NumReplicas, d.Rank) : (1, 0);

    private int SamplesPerEpoch => _sampler?.Count ?? Dataset.Count;

    private Sampler EpochSampler(int datasetCount) =>
        _sampler ?? (Shuffle ? new RandomSampler(datasetCount, Seed) : new SequentialSampler(datasetCount));

    private static IEnumerator<Batch> Sequential(IEnumerable<ArraySegment<int>> batches, EpochContext epoch, EpochProgress progress)
    {
        int batchIndex = progress.First;
        foreach (var indices in batches)
        {
            var batch = epoch.Loader.LoadBatch(indices, batchIndex++, epoch);
            progress.Delivered();
            yield return batch;
        }
    }

    // The fast path: each sample is copied once, straight from the dataset into its batch slot.
    private Batch Gather(IRowSource rows, ArraySegment<int> indices, int batchIndex, ulong epochKey)
    {
        var shapes = new int[rows.Positions][];
        try
        {
            for (int p = 0; p < shapes.Length; p++)
            {
                shapes[p] = rows.SampleShape(p).ToArray();
            }
        }
        catch (Exception e) when (indices.Count > 0)
        {
            // A transform that rejects the samples' shape fails here on the fused path; report it as the
            // plain path would, on the batch's first sample.
            throw new SampleLoadException(indices[0], batchIndex, e);
        }

        var storage = BatchStorage.Create(indices.Count, shapes, _pool);
        int current = -1;
        try
        {
            if (rows is TensorDataset tensors)
            {
                // The common case, without an interface call per row (same checks, same order), and
                // without generators: a TensorDataset draws nothing.
                tensors.GatherInto(indices, storage, ref current);
            }
            else
            {
                for (int s = 0; s < indices.Count; s++)
                {
                    current = indices[s];
                    // One generator per sample, on the stack, the same for each of its positions.
                    var random = new SampleRandom(epochKey, current);
                    for (int p = 0; p < shapes.Length; p++)
                    {
                        rows.CopySample(current, p, storage.Slot(p, s), random);
                    }
                }
            }
        }
        catch (Exception e)
        {
            storage.Abandon();
            throw new SampleLoadException(current, batchIndex, e);
        }

        return storage.ToBatch();
    }

    private Batch CollateSamples(ArraySegment<int> indices, int batchIndex, ulong epochKey)
    {
        var samples = new Tensor[indices.Count][];
        for (int s = 0; s < samples.Length; s++)
        {
            try
            {
                samples[s] = Dataset.Read(indices[s], new SampleRandom(epochKey, indices[s]));
            }
            catch (Exception e)
            {
                throw new SampleLoadException(indices[s], batchIndex, e);
            }
        }

        return _collate is null
            ? Collate.StackInto(samples, _pool)
            : _collate(samples) ?? throw new InvalidOperationException(
                $"The collate function returned null for batch {batchIndex}; it must return a Batch.");
    }
}
