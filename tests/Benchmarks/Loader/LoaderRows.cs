using TinyTorch;
using TinyTorch.Data;
using TinyTorch.Data.Sampling;

namespace Benchmarks.Loader;

/// <summary>One way of producing a shuffled epoch of batches; each call to <see cref="RunEpoch"/> is one epoch.</summary>
internal interface IEpochRunner
{
    /// <summary>Produces every batch of the next epoch and returns how many samples they held.</summary>
    long RunEpoch();
}

/// <summary>A row of the table: a name, what it shows, and how to build its runner for one batch size.</summary>
internal sealed record LoaderRow(string Key, string Name, string Meaning, Func<LoaderData, int, IEpochRunner> Create)
{
    /// <summary>Whether the row allocates a batch-sized array per batch (and so disturbs whatever runs after it).</summary>
    public bool Allocates => Key is "naive" or "new-batch" or "loader-keep";

    /// <summary>Whether this row is the reference DataLoader with batches disposed (the steady state the allocation target covers).</summary>
    public bool IsPooledLoader => Key.StartsWith("loader-w", StringComparison.Ordinal) || Key.StartsWith("aug-", StringComparison.Ordinal);
}

/// <summary>The rows of the loader suite, in table order.</summary>
internal static class LoaderRows
{
    /// <summary>Every row's loader and sampler use this seed, so every run visits the same orders.</summary>
    public const int Seed = 2024;

    public static IReadOnlyList<LoaderRow> All { get; } =
    [
        new("limit-1t", "Gather-copy limit, 1 thread",
            "Span.CopyTo of each shuffled row into one reused buffer: the physical limit, ratio 1 by definition.",
            (d, b) => new GatherCopy(d, b, threads: 1, freshBuffers: false)),
        new("limit-2t", "Gather-copy limit, 2 threads",
            "The same copy on two threads, each filling alternate batches into its own reused buffer.",
            (d, b) => new GatherCopy(d, b, threads: 2, freshBuffers: false)),
        new("naive", "Naive slide-style loader",
            "dataset[i] for each sample (a new array per sample), then Collate.Stack (a new batch array).",
            (d, b) => new Naive(d, b)),
        new("new-batch", "Gather-copy, new batch array per batch",
            "The limit's copy, but into `new float[B * 3072]` each batch: the large-object-heap effect alone.",
            (d, b) => new GatherCopy(d, b, threads: 1, freshBuffers: true)),
        new("loader-keep", "DataLoader, 0 workers, batches not disposed",
            "The reference loader when the consumer never disposes: every batch needs a fresh buffer.",
            (d, b) => new LoaderEpochs(new DataLoader(d.Dataset, b, shuffle: true, seed: Seed), dispose: false)),
        new("loader-w0", "DataLoader, 0 workers",
            "The reference loader on the consumer's thread, each batch disposed (pooled).",
            (d, b) => new LoaderEpochs(new DataLoader(d.Dataset, b, shuffle: true, seed: Seed), dispose: true)),
        new("loader-w1", "DataLoader, 1 worker",
            "One background worker; the consumer only takes and disposes batches (idle consumer).",
            (d, b) => new LoaderEpochs(new DataLoader(d.Dataset, b, shuffle: true, seed: Seed, numWorkers: 1), dispose: true)),
        new("loader-w2", "DataLoader, 2 workers",
            "Two background workers, idle consumer.",
            (d, b) => new LoaderEpochs(new DataLoader(d.Dataset, b, shuffle: true, seed: Seed, numWorkers: 2), dispose: true)),
        new("aug-w0", "DataLoader + flip+crop, 0 workers",
            "RandomHorizontalFlip + RandomCrop(32, padding 4) fused into collation, consumer's thread; each sample draws from its own SampleRandom.",
            (d, b) => new LoaderEpochs(new DataLoader(d.Augmented, b, shuffle: true, seed: Seed), dispose: true)),
        new("aug-w1", "DataLoader + flip+crop, 1 worker",
            "The same with one background worker.",
            (d, b) => new LoaderEpochs(new DataLoader(d.Augmented, b, shuffle: true, seed: Seed, numWorkers: 1), dispose: true)),
        new("aug-w2", "DataLoader + flip+crop, 2 workers",
            "The same with two background workers: the same batches, value for value, as 0 workers.",
            (d, b) => new LoaderEpochs(new DataLoader(d.Augmented, b, shuffle: true, seed: Seed, numWorkers: 2), dispose: true)),
        new("aug-shared-w0", "DataLoader + flip+crop, one shared stream, 0 workers",
            "The same augmentation drawn from the transforms' own generators (before issue #18): the baseline of the per-sample generators' cost.",
            (d, b) => new LoaderEpochs(new DataLoader(d.SharedStream, b, shuffle: true, seed: Seed), dispose: true)),
        new("aug-shared-w2", "DataLoader + flip+crop, one shared stream, 2 workers",
            "The same with two workers sharing the locked generators: values depend on timing.",
            (d, b) => new LoaderEpochs(new DataLoader(d.SharedStream, b, shuffle: true, seed: Seed, numWorkers: 2), dispose: true)),
    ];

    /// <summary>
    /// The physical limit: copy each shuffled sample's row with <see cref="Span{T}.CopyTo"/> into a batch
    /// buffer. With <c>freshBuffers</c> the buffer is a new array every batch instead of a reused one.
    /// </summary>
    private sealed class GatherCopy(LoaderData data, int batchSize, int threads, bool freshBuffers) : IEpochRunner
    {
        private const int L = LoaderData.ImageLength;
        private readonly RandomSampler _sampler = new(data.Count, Seed);
        private readonly float[][] _images = CreateBuffers(threads, freshBuffers ? 0 : batchSize * L);
        private readonly float[][] _labels = CreateBuffers(threads, freshBuffers ? 0 : batchSize);
        private int _epoch;

        public long RunEpoch()
        {
            // The same index order a RandomSampler gives the loader (and the same allocation per epoch).
            int[] order = _sampler.EpochIndices(_epoch++);
            int batches = (order.Length + batchSize - 1) / batchSize;
            if (threads == 1)
            {
                Copy(order, batches, first: 0, stride: 1, worker: 0);
                return order.Length;
            }

            var workers = new Thread[threads];
            for (int t = 0; t < threads; t++)
            {
                int worker = t;
                workers[t] = new Thread(() => Copy(order, batches, worker, threads, worker));
                workers[t].Start();
            }

            foreach (var w in workers)
            {
                w.Join();
            }

            return order.Length;
        }

        private static float[][] CreateBuffers(int count, int length)
        {
            var buffers = new float[count][];
            for (int i = 0; i < count; i++)
            {
                buffers[i] = new float[length];
            }

            return buffers;
        }

        private void Copy(int[] order, int batches, int first, int stride, int worker)
        {
            float[] source = data.Images;
            float[] labels = data.Labels;
            for (int b = first; b < batches; b += stride)
            {
                int start = b * batchSize;
                int count = Math.Min(batchSize, order.Length - start);
                float[] images = freshBuffers ? new float[count * L] : _images[worker];
                float[] batchLabels = freshBuffers ? new float[count] : _labels[worker];
                for (int s = 0; s < count; s++)
                {
                    int index = order[start + s];
                    source.AsSpan(index * L, L).CopyTo(images.AsSpan(s * L, L));
                    batchLabels[s] = labels[index];
                }
            }
        }
    }

    /// <summary>
    /// The loader as the course's slides first draw it: shuffle the indices, read each sample through the
    /// dataset's indexer (a new tensor per sample), and stack them with <see cref="Collate.Stack"/> (a
    /// new batch array per batch).
    /// </summary>
    private sealed class Naive(LoaderData data, int batchSize) : IEpochRunner
    {
        private readonly RandomSampler _sampler = new(data.Count, Seed);
        private int _epoch;

        public long RunEpoch()
        {
            int[] order = _sampler.EpochIndices(_epoch++);
            long seen = 0;
            for (int start = 0; start < order.Length; start += batchSize)
            {
                int count = Math.Min(batchSize, order.Length - start);
                var samples = new List<Tensor[]>(count);
                for (int s = 0; s < count; s++)
                {
                    samples.Add(data.Dataset[order[start + s]]);
                }

                var batch = Collate.Stack(samples);
                seen += batch.SampleCount;
            }

            return seen;
        }
    }

    /// <summary>Enumerates one epoch of a reference <see cref="DataLoader"/>, disposing each batch or not.</summary>
    private sealed class LoaderEpochs(DataLoader loader, bool dispose) : IEpochRunner
    {
        public long RunEpoch()
        {
            long seen = 0;
            foreach (var batch in loader)
            {
                seen += batch.SampleCount;
                if (dispose)
                {
                    batch.Dispose();
                }
            }

            return seen;
        }
    }
}
