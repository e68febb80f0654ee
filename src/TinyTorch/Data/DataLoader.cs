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
/// <b>Batches</b> are <see cref="Batch"/> objects whose storage may be pooled: dispose a batch when done
/// with it to recycle its buffers, or keep it as long as you like (see <see cref="Batch"/>).
/// </para>
/// </remarks>
public sealed class DataLoader : IEnumerable<Batch>
{
    private readonly Func<IReadOnlyList<Tensor[]>, Batch>? _collate;
    private readonly Sampler? _sampler;
    private readonly ArrayPool<float> _pool;
    private int _epoch;

    /// <summary>Creates a loader.</summary>
    /// <param name="dataset">The source of samples, each a tuple of tensors.</param>
    /// <param name="batchSize">Samples per batch, at least 1: the systems knob (throughput against memory).</param>
    /// <param name="shuffle">Visit samples in a fresh random order every epoch: the correctness knob, on for training, off for validation.</param>
    /// <param name="dropLast">Drop a final batch smaller than <paramref name="batchSize"/>.</param>
    /// <param name="seed">This loader's seed; null draws one at random (see <see cref="Seed"/> to reproduce a run).</param>
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

    /// <summary>The seed of this loader's shuffling (drawn at random when none was given).</summary>
    public int Seed { get; }

    /// <summary>Background threads loading batches ahead (0 = none).</summary>
    public int NumWorkers { get; }

    /// <summary>Batches each worker may hold ready ahead of the consumer.</summary>
    public int PrefetchFactor { get; }

    /// <summary>The number of the epoch the next enumeration will produce (0 before the first).</summary>
    public int Epoch => Volatile.Read(ref _epoch);

    /// <summary>The number of batches per epoch: ceil(n / BatchSize), or floor(n / BatchSize) with <see cref="DropLast"/>.</summary>
    public int Count => BatchSampler.CountBatches(_sampler?.Count ?? Dataset.Count, BatchSize, DropLast);

    /// <summary>Starts the next epoch and returns its batches, produced one at a time as they are requested.</summary>
    public IEnumerator<Batch> GetEnumerator()
    {
        int epoch = Interlocked.Increment(ref _epoch) - 1;
        int datasetCount = Dataset.Count;
        var batches = new BatchSampler(EpochSampler(datasetCount), BatchSize, DropLast).Batches(epoch);
        return NumWorkers == 0
            ? Sequential(batches, datasetCount)
            : new PrefetchingEnumerator(this, batches, datasetCount);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Reads the samples at <paramref name="indices"/> and collates them into a batch.</summary>
    internal Batch LoadBatch(ArraySegment<int> indices, int batchIndex, int datasetCount)
    {
        if (Dataset.Count != datasetCount)
        {
            throw new InvalidOperationException(
                $"The dataset's Count changed from {datasetCount} to {Dataset.Count} during an epoch; " +
                "the epoch's indices no longer describe it. Finish or abandon the epoch before changing the dataset.");
        }

        return _collate is null && Dataset is IRowSource { CanCopyRows: true } rows
            ? Gather(rows, indices, batchIndex)
            : CollateSamples(indices, batchIndex);
    }

    internal static void RequirePositiveBatchSize(int batchSize)
    {
        if (batchSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize,
                $"batchSize must be a positive number of samples, but was {batchSize}.");
        }
    }

    private Sampler EpochSampler(int datasetCount) =>
        _sampler ?? (Shuffle ? new RandomSampler(datasetCount, Seed) : new SequentialSampler(datasetCount));

    private IEnumerator<Batch> Sequential(IEnumerable<ArraySegment<int>> batches, int datasetCount)
    {
        int batchIndex = 0;
        foreach (var indices in batches)
        {
            yield return LoadBatch(indices, batchIndex++, datasetCount);
        }
    }

    // The fast path: each sample is copied once, straight from the dataset into its batch slot.
    private Batch Gather(IRowSource rows, ArraySegment<int> indices, int batchIndex)
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
                // The common case, without an interface call per row (same checks, same order).
                tensors.GatherInto(indices, storage, ref current);
            }
            else
            {
                for (int s = 0; s < indices.Count; s++)
                {
                    current = indices[s];
                    for (int p = 0; p < shapes.Length; p++)
                    {
                        rows.CopySample(current, p, storage.Slot(p, s));
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

    private Batch CollateSamples(ArraySegment<int> indices, int batchIndex)
    {
        var samples = new Tensor[indices.Count][];
        for (int s = 0; s < samples.Length; s++)
        {
            try
            {
                samples[s] = Dataset[indices[s]];
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
