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
        Assert.Contains("grow about linearly", result.Message);
        Assert.Equal(CheckStatus.Passed, Run("dataloader-each-once", impl).Status);
    }

    [Fact]
    public void A_loader_whose_work_per_batch_is_constant_passes_the_epoch_scaling_check_with_its_growth_reported()
    {
        var result = Run("dataloader-epoch-scaling", new Implementation { DataLoader = (dataset, s) => Loader(dataset, s, FisherYates) });

        Assert.True(result.Status == CheckStatus.Passed, $"{result.Status}: {result.Message}");
        Assert.InRange(result.Measured ?? 0, 4, 50);
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
    public void A_flip_along_the_wrong_axis_is_told_so_and_not_to_fix_its_draw()
    {
        var impl = new Implementation { Flip = (p, seed) => new VerticalFlip(p, seed) };

        var result = Run("flip-frequency", impl);

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains("reverses another axis", result.Message);
        Assert.DoesNotContain("wrong probability", result.Message);
    }

    [Fact]
    public void An_eager_loader_is_told_that_it_reads_ahead_or_moves_the_samples()
    {
        var impl = new Implementation
        {
            DataLoader = (dataset, s) =>
            {
                var lazy = Loader(dataset, s, FisherYates);
                return lazy with { Batches = new Eager(lazy.Batches) };
            },
        };

        var result = Run("dataloader-shuffle-indices", impl);

        Assert.Contains("reads ahead of the batch requested", result.Message);
        Assert.Contains("or it moves the samples themselves", result.Message);
    }

    private static CheckResult Run(string id, Implementation impl) => SpecRunner.RunOne(ModuleSpecs.All.Single(s => s.Id == id), impl);

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
