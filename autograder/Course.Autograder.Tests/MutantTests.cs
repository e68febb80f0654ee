using Course.Specs;
using Course.Specs.Core;
using TinyTorch;
using TinyTorch.Data;
using TinyTorch.Transforms;

namespace Course.Autograder.Tests;

/// <summary>
/// The checks can fail: implementations with one classic bug each lose the check made for that bug
/// (and keep the others of their exercise).
/// </summary>
public sealed class MutantTests
{
    [Fact]
    public void A_quadratic_shuffle_fails_the_shuffle_scaling_check()
    {
        var impl = new Implementation { DataLoader = (dataset, s) => Loader(dataset, s, QuadraticShuffle) };

        var result = Run("dataloader-shuffle-scaling", impl);

        Assert.True(result.Status == CheckStatus.Failed, $"{result.Status}: {result.Message}");
        Assert.Contains("grow about linearly", result.Message);
    }

    [Fact]
    public void A_loader_that_builds_every_batch_first_fails_laziness_only()
    {
        var impl = new Implementation
        {
            DataLoader = (dataset, s) =>
            {
                var lazy = Loader(dataset, s, FisherYates);
                return lazy with { Batches = new Eager(lazy.Batches) };
            },
        };

        Assert.Equal(CheckStatus.Failed, Run("dataloader-lazy", impl).Status);
        Assert.Equal(CheckStatus.Failed, Run("dataloader-shuffle-indices", impl).Status);
        Assert.Equal(CheckStatus.Passed, Run("dataloader-each-once", impl).Status);
        Assert.Equal(CheckStatus.Passed, Run("dataloader-count", impl).Status);
    }

    [Fact]
    public void A_quadratic_collate_fails_the_collate_scaling_check_and_keeps_its_values_right()
    {
        var impl = new Implementation { Collate = QuadraticCollate };

        Assert.Equal(CheckStatus.Passed, Run("collate-values", impl).Status);
        var scaling = Run("collate-scaling", impl);
        Assert.Equal(CheckStatus.Failed, scaling.Status);
        Assert.True(scaling.Measured > 30, $"growth {scaling.Measured}");
    }

    [Fact]
    public void A_collate_copying_value_by_value_through_the_indexer_fails_the_time_budget()
    {
        var impl = new Implementation { Collate = IndexerCollate };

        Assert.Equal(CheckStatus.Passed, Run("collate-values", impl).Status);
        var result = Run("collate-time", impl);
        Assert.True(result.Status == CheckStatus.Failed, $"{result.Status}: {result.Message}");
    }

    [Fact]
    public void A_flip_that_returns_its_input_when_not_flipping_fails_the_new_tensor_check()
    {
        var impl = new Implementation { Flip = (p, seed) => new LazyFlip(new RandomHorizontalFlip(p, seed), p) };

        Assert.Equal(CheckStatus.Passed, Run("flip-mirrors", impl).Status);
        var result = Run("flip-new-tensor", impl);
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains("the input itself came back", result.Message);
    }

    [Fact]
    public void A_loader_that_scans_the_whole_index_list_for_every_batch_fails_the_epoch_scaling_check()
    {
        var impl = new Implementation { DataLoader = ScanningLoader };

        var result = Run("dataloader-epoch-scaling", impl);

        Assert.True(result.Status == CheckStatus.Failed, $"{result.Status}: {result.Message}");
        Assert.Matches(@"^Expected the 48 batches of 64 after an epoch's first to cost about the same among 262,144 samples as among 4,096 \(CPU time x5 at most\), but it cost x\d+\.\d ", result.Message);
        Assert.True(result.Measured > Budgets.SizeIndependent("dataloader-epoch-scaling"), $"measured {result.Measured}");
        Assert.Equal(CheckStatus.Passed, Run("dataloader-each-once", impl).Status);
    }

    [Fact]
    public void A_loader_whose_work_per_batch_is_constant_passes_the_epoch_scaling_check_with_its_ratio_reported()
    {
        var result = Run("dataloader-epoch-scaling", new Implementation { DataLoader = (dataset, s) => Loader(dataset, s, FisherYates) });

        Assert.True(result.Status == CheckStatus.Passed, $"{result.Status}: {result.Message}");
        Assert.InRange(result.Measured ?? 0, 0.5, Budgets.SizeIndependent("dataloader-epoch-scaling"));
    }

    [Fact]
    public void A_loader_that_reads_the_whole_dataset_when_an_epoch_begins_passes_the_epoch_scaling_check_as_the_start_is_not_timed()
    {
        // Eager, and so wrong for dataloader-lazy, but its batches then cost the same in any dataset: the epoch's start
        // is O(n) in every loader, and this check is about the batches after it.
        var impl = new Implementation { DataLoader = (dataset, s) => new LoaderUnderTest(() => (dataset.Count + s.BatchSize - 1) / s.BatchSize, new Replayable(() => ShuffledCopies(dataset, s))) };

        var result = Run("dataloader-epoch-scaling", impl);

        Assert.True(result.Status == CheckStatus.Passed, $"{result.Status}: {result.Message}");
        Assert.Equal(CheckStatus.Failed, Run("dataloader-lazy", impl).Status);
    }

    [Fact]
    public void A_prefetcher_that_fills_its_queue_only_when_asked_fails_the_overlap_check_only()
    {
        // Runs ahead (two items queued before the first is returned) but on the consumer's own thread: no overlap.
        static IEnumerable<int> OnDemand(IEnumerable<int> source, int capacity)
        {
            var queue = new Queue<int>();
            using var e = source.GetEnumerator();
            while (true)
            {
                while (queue.Count < capacity && e.MoveNext())
                {
                    queue.Enqueue(e.Current);
                }

                if (queue.Count == 0)
                {
                    yield break;
                }

                yield return queue.Dequeue();
            }
        }

        var impl = new Implementation { Prefetcher = OnDemand };

        var result = Run("prefetcher-overlap", impl);

        Assert.True(result.Status == CheckStatus.Failed, $"{result.Status}: {result.Message}");
        Assert.Contains("produced only when the consumer asks", result.Message);
        Assert.Equal(CheckStatus.Passed, Run("prefetcher-order", impl).Status);
    }

    [Fact]
    public async Task A_prefetcher_on_a_thread_of_its_own_passes_the_overlap_check_on_a_busy_machine()
    {
        var impl = new Implementation { Prefetcher = (source, capacity) => new TinyTorch.Data.Prefetcher<int>(source, capacity) };
        using var busy = new CancellationTokenSource();
        var burners = Enumerable.Range(0, Environment.ProcessorCount * 2).Select(_ => Task.Run(() => { while (!busy.IsCancellationRequested) { } })).ToArray();
        try
        {
            var result = Run("prefetcher-overlap", impl);

            Assert.True(result.Status == CheckStatus.Passed, $"{result.Status}: {result.Message}");
        }
        finally
        {
            await busy.CancelAsync();
            await Task.WhenAll(burners);
        }
    }

    [Fact]
    public void A_shuffle_that_swaps_each_position_with_any_position_fails_the_uniformity_check_only()
    {
        var impl = new Implementation { DataLoader = (dataset, s) => Loader(dataset, s, SwapWithAny) };

        var result = Run("dataloader-uniform-shuffle", impl);

        Assert.True(result.Status == CheckStatus.Failed, $"{result.Status}: {result.Message}");
        Assert.Contains("the shuffle is biased", result.Message);
        Assert.Equal(CheckStatus.Passed, Run("dataloader-each-once", impl).Status);
        Assert.Equal(CheckStatus.Passed, Run("dataloader-fresh-epochs", impl).Status);
    }

    [Theory]
    [InlineData("random.Shuffle")]
    [InlineData("forward Fisher-Yates")]
    [InlineData("sort by random keys")]
    public void Fair_shuffles_written_another_way_pass_the_uniformity_check(string how)
    {
        Func<int, Random, int[]> order = how switch
        {
            "random.Shuffle" => FisherYates,
            "forward Fisher-Yates" => ForwardFisherYates,
            _ => (n, random) => Enumerable.Range(0, n).OrderBy(_ => random.NextDouble()).ToArray(),
        };
        var impl = new Implementation { DataLoader = (dataset, s) => Loader(dataset, s, order) };

        var result = Run("dataloader-uniform-shuffle", impl);

        Assert.True(result.Status == CheckStatus.Passed, $"{result.Status}: {result.Message}");
    }

    [Fact]
    public void A_collate_that_reuses_one_buffer_fails_the_fresh_batches_check_only()
    {
        var impl = new Implementation { Collate = new ReusingCollate().Collate };

        var result = Run("collate-fresh-batches", impl);

        Assert.True(result.Status == CheckStatus.Failed, $"{result.Status}: {result.Message}");
        Assert.Contains("one reused buffer", result.Message);
        Assert.Equal(CheckStatus.Passed, Run("collate-values", impl).Status);
        Assert.Equal(CheckStatus.Passed, Run("collate-shapes", impl).Status);
    }

    [Fact]
    public void A_loader_that_reuses_one_batch_buffer_fails_the_kept_batches_check_only()
    {
        var impl = new Implementation
        {
            DataLoader = (dataset, s) =>
            {
                var buffers = new Dictionary<int, float[]>();
                var loader = Loader(dataset, s, FisherYates);
                return loader with
                {
                    Batches = loader.Batches.Select(batch => (IReadOnlyList<Tensor>)batch.Select((tensor, p) =>
                    {
                        // One buffer per position, kept for the whole epoch and overwritten by each batch.
                        if (!buffers.TryGetValue(p, out float[]? buffer) || buffer.Length != tensor.Length)
                        {
                            buffers[p] = buffer = new float[tensor.Length];
                        }

                        tensor.Values.CopyTo(buffer);
                        return new Tensor(buffer, [.. tensor.Shape]);
                    }).ToArray()),
                };
            },
        };

        var result = Run("dataloader-kept-batches", impl);

        Assert.True(result.Status == CheckStatus.Failed, $"{result.Status}: {result.Message}");
        Assert.Contains("one reused buffer", result.Message);
        Assert.Equal(CheckStatus.Passed, Run("dataloader-order", impl).Status);
    }

    [Fact]
    public void A_flip_along_the_wrong_axis_is_told_which_axis_it_reverses_and_that_its_draw_is_right()
    {
        var impl = new Implementation { Flip = (p, seed) => new VerticalFlip(p, seed) };

        var report = SpecRunner.Run(ModuleSpecs.ForGrade("flip"), impl);

        var result = report.Results.Single(r => r.Spec.Id == "flip-frequency");
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Matches(@"^Expected about 30 ?% of 4000 images mirrored along their last axis \(within ±3\.6 ?%\), but 0\.0 ?% were, and \d\d\.\d ?% came back with their rows reversed instead \(upside down\): "
            + @"the flip reverses the second-to-last axis, not the last; \d\d\.\d ?% came back changed in all, so the draw itself looks right\. "
            + @"This may follow from the failure of flip-mirrors \(With p = 1 the image is mirrored along its last axis \(HW and CHW\)\): fix that one first\.$", result.Message);
        Assert.DoesNotContain("wrong probability", result.Message);
    }

    [Fact]
    public void A_flip_with_the_wrong_probability_is_told_to_fix_its_draw()
    {
        var impl = new Implementation { Flip = (p, seed) => new RandomHorizontalFlip(p / 2, seed) };

        var result = Run("flip-frequency", impl);

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains("were, and none came back changed in another way: the flip is drawn with the wrong probability", result.Message);
        Assert.DoesNotContain("may follow", result.Message);
    }

    [Fact]
    public void An_eager_loader_that_shuffles_indices_is_told_it_builds_batches_ahead_not_that_it_moves_samples()
    {
        var impl = new Implementation
        {
            DataLoader = (dataset, s) =>
            {
                var lazy = Loader(dataset, s, FisherYates);
                return lazy with { Batches = new Eager(lazy.Batches) };
            },
        };

        var report = SpecRunner.Run(ModuleSpecs.All.Where(s => s.Id is "dataloader-lazy" or "dataloader-shuffle-indices"), impl);

        string message = report.Results.Single(r => r.Spec.Id == "dataloader-shuffle-indices").Message;
        Assert.Matches(@"^Expected a shuffled epoch to read only the first batch's 4 samples before delivering it, but 30 samples were read before the first batch, in the shuffled order, "
            + @"starting with the first batch's \[\d+, \d+, \d+, \d+\]: the shuffle moves indices as it should, but the loader builds the batches after the first before it delivers that one\. "
            + "This may follow from the failure of dataloader-lazy", message);
        Assert.DoesNotContain("samples themselves", message);
    }

    [Fact]
    public void A_loader_that_shuffles_the_samples_themselves_is_told_so()
    {
        var impl = new Implementation { DataLoader = (dataset, s) => new LoaderUnderTest(() => (dataset.Count + s.BatchSize - 1) / s.BatchSize, new Replayable(() => ShuffledCopies(dataset, s))) };

        var result = Run("dataloader-shuffle-indices", impl);

        Assert.Matches(@"^Expected a shuffled epoch to read only the first batch's 4 samples before delivering it, but 30 samples were read before the first batch, in index order \(0, 1, 2, \.\.\.\), "
            + @"and the batch came out shuffled \(\[\d+, \d+, \d+, \d+\]\): the loader reads every sample and then shuffles the samples themselves, not a list of indices\.$", result.Message);
    }

    [Fact]
    public void A_wrong_count_that_the_loader_batches_by_is_named_as_the_likely_cause_of_the_failures_after_it()
    {
        // Count rounds down: the loader, which uses it to know how many batches to make, drops the last partial batch.
        var impl = new Implementation
        {
            DataLoader = (dataset, s) =>
            {
                var loader = Loader(dataset, s with { DropLast = true }, FisherYates);
                return loader;
            },
        };

        var report = SpecRunner.Run(ModuleSpecs.All.Where(s => s.Id is "dataloader-count" or "dataloader-order" or "dataloader-lazy"), impl);

        var byId = report.Results.ToDictionary(r => r.Spec.Id);
        Assert.Equal(CheckStatus.Failed, byId["dataloader-count"].Status);
        Assert.DoesNotContain("may follow", byId["dataloader-count"].Message);
        Assert.Equal(CheckStatus.Failed, byId["dataloader-order"].Status);
        Assert.EndsWith(" This may follow from the failure of dataloader-count (Count is the number of batches, with and without drop-last): fix that one first.", byId["dataloader-order"].Message);
        Assert.Equal(CheckStatus.Passed, byId["dataloader-lazy"].Status);
    }

    [Fact]
    public void Every_check_depends_only_on_checks_that_run_before_it()
    {
        var order = ModuleSpecs.All.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);

        Assert.All(ModuleSpecs.All, spec => Assert.All(spec.DependsOn, id =>
            Assert.True(order.TryGetValue(id, out int at) && at < order[spec.Id], $"{spec.Id} depends on {id}, which is not a check that runs before it")));
    }

    // What these tests show is that a budget or property fails a mutant; a slow mutant on a heavily loaded machine must
    // reach that verdict rather than the time limit (wall time, in-process), so the limit is five times the usual.
    private static CheckResult Run(string id, Implementation impl) => SpecRunner.RunOne(ModuleSpecs.All.Single(s => s.Id == id), impl, timeoutScale: 5);

    // Finds each batch's indices by scanning the whole shuffled order: O(n) per batch, O(n^2 / B) per epoch.
    private static LoaderUnderTest ScanningLoader(Dataset<Tensor[]> dataset, LoaderSettings s)
    {
        var random = new Random(s.Seed);
        int count = (dataset.Count + s.BatchSize - 1) / s.BatchSize;
        IEnumerable<Tensor[]> Epoch()
        {
            int[] order = FisherYates(dataset.Count, random);
            for (int b = 0; b < count; b++)
            {
                int batch = b;
                var samples = order.Where((_, i) => i / s.BatchSize == batch).Select(i => dataset[i]).ToList();
                yield return Collate.Stack(samples).ToArray();
            }
        }

        return new LoaderUnderTest(() => count, new Replayable(Epoch));
    }

    private static LoaderUnderTest Loader(Dataset<Tensor[]> dataset, LoaderSettings s, Func<int, Random, int[]> order)
    {
        var random = new Random(s.Seed);
        int count = s.DropLast ? dataset.Count / s.BatchSize : (dataset.Count + s.BatchSize - 1) / s.BatchSize;
        IEnumerable<Tensor[]> Epoch()
        {
            int[] indices = s.Shuffle ? order(dataset.Count, random) : Enumerable.Range(0, dataset.Count).ToArray();
            for (int b = 0; b < count; b++)
            {
                var samples = indices.Skip(b * s.BatchSize).Take(s.BatchSize).Select(i => dataset[i]).ToList();
                yield return Collate.Stack(samples).ToArray();
            }
        }

        return new LoaderUnderTest(() => count, new Replayable(Epoch));
    }

    // Reads every sample in index order at the start of each epoch, then shuffles the copies: it moves the samples.
    private static IEnumerable<Tensor[]> ShuffledCopies(Dataset<Tensor[]> dataset, LoaderSettings s)
    {
        var random = new Random(s.Seed);
        var all = Enumerable.Range(0, dataset.Count).Select(i => dataset[i]).ToArray();
        if (s.Shuffle)
        {
            random.Shuffle(all);
        }

        foreach (var chunk in all.Chunk(s.BatchSize))
        {
            yield return Collate.Stack(chunk).ToArray();
        }
    }

    private static int[] FisherYates(int n, Random random)
    {
        int[] indices = Enumerable.Range(0, n).ToArray();
        random.Shuffle(indices);
        return indices;
    }

    private static int[] ForwardFisherYates(int n, Random random)
    {
        int[] indices = Enumerable.Range(0, n).ToArray();
        for (int i = 0; i < n - 1; i++)
        {
            int j = random.Next(i, n);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        return indices;
    }

    // Swaps each position with any position: every order is possible, but not equally likely.
    private static int[] SwapWithAny(int n, Random random)
    {
        int[] indices = Enumerable.Range(0, n).ToArray();
        for (int i = 0; i < n; i++)
        {
            int j = random.Next(n);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        return indices;
    }

    // Picks a random remaining index and removes it from the middle of a list: O(n) per pick, O(n^2) in all.
    private static int[] QuadraticShuffle(int n, Random random)
    {
        var remaining = Enumerable.Range(0, n).ToList();
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            int k = random.Next(remaining.Count);
            order[i] = remaining[k];
            remaining.RemoveAt(k);
        }

        return order;
    }

    // Grows the batch buffer by copying everything collected so far, once per sample.
    private static Tensor[] QuadraticCollate(IReadOnlyList<Tensor[]> samples)
    {
        var result = new Tensor[samples[0].Length];
        for (int p = 0; p < result.Length; p++)
        {
            float[] buffer = [];
            foreach (var sample in samples)
            {
                buffer = [.. buffer, .. sample[p].ToArray()];
            }

            result[p] = new Tensor(buffer, [samples.Count, .. samples[0][p].Shape]);
        }

        return result;
    }

    // Reads every value through the multi-dimensional indexer (an int[] per access) instead of copying rows.
    private static Tensor[] IndexerCollate(IReadOnlyList<Tensor[]> samples)
    {
        var result = new Tensor[samples[0].Length];
        for (int p = 0; p < result.Length; p++)
        {
            var shape = samples[0][p].Shape.ToArray();
            var batch = Tensor.Zeros([samples.Count, .. shape]);
            for (int s = 0; s < samples.Count; s++)
            {
                var sample = samples[s][p];
                int flat = 0;
                foreach (int[] index in Indices(shape))
                {
                    batch.AsSpan()[s * sample.Length + flat++] = sample[index];
                }
            }

            result[p] = batch;
        }

        return result;
    }

    private static IEnumerable<int[]> Indices(int[] shape)
    {
        var index = new int[shape.Length];
        int total = shape.Aggregate(1, (a, b) => a * b);
        for (int n = 0; n < total; n++)
        {
            yield return (int[])index.Clone();
            for (int d = shape.Length - 1; d >= 0 && ++index[d] == shape[d]; d--)
            {
                index[d] = 0;
            }
        }
    }

    private sealed class Replayable(Func<IEnumerable<Tensor[]>> epoch) : IEnumerable<IReadOnlyList<Tensor>>
    {
        public IEnumerator<IReadOnlyList<Tensor>> GetEnumerator() => epoch().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class Eager(IEnumerable<IReadOnlyList<Tensor>> inner) : IEnumerable<IReadOnlyList<Tensor>>
    {
        public IEnumerator<IReadOnlyList<Tensor>> GetEnumerator() => inner.ToList().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Collates into buffers kept between calls: every batch it returns is the same memory.</summary>
    private sealed class ReusingCollate
    {
        private float[][] _buffers = [];

        public Tensor[] Collate(IReadOnlyList<Tensor[]> samples)
        {
            var first = samples[0];
            if (_buffers.Length != first.Length)
            {
                _buffers = first.Select(t => new float[samples.Count * t.Length]).ToArray();
            }

            var result = new Tensor[first.Length];
            for (int p = 0; p < first.Length; p++)
            {
                if (_buffers[p].Length != samples.Count * first[p].Length)
                {
                    _buffers[p] = new float[samples.Count * first[p].Length];
                }

                for (int s = 0; s < samples.Count; s++)
                {
                    samples[s][p].Values.CopyTo(_buffers[p].AsSpan(s * first[p].Length));
                }

                result[p] = new Tensor(_buffers[p], [samples.Count, .. first[p].Shape]);
            }

            return result;
        }
    }

    /// <summary>Mirrors along the second-to-last axis (rows) instead of the last.</summary>
    private sealed class VerticalFlip(double p, int seed) : ITransform
    {
        private readonly Random _random = new(seed);

        public Tensor Apply(Tensor input)
        {
            var output = input.Clone();
            if (_random.NextDouble() < p)
            {
                int w = input.Size(-1), h = input.Size(-2);
                var span = output.AsSpan();
                var source = input.Values;
                for (int plane = 0; plane < input.Length / (h * w); plane++)
                {
                    for (int y = 0; y < h; y++)
                    {
                        source.Slice(plane * h * w + (h - 1 - y) * w, w).CopyTo(span.Slice(plane * h * w + y * w, w));
                    }
                }
            }

            return output;
        }
    }

    private sealed class LazyFlip(ITransform flip, double p) : ITransform
    {
        public Tensor Apply(Tensor input) => p == 0 ? input : flip.Apply(input);
    }
}
