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

    private static CheckResult Run(string id, Implementation impl) => SpecRunner.RunOne(ModuleSpecs.All.Single(s => s.Id == id), impl);

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

    private sealed class LazyFlip(ITransform flip, double p) : ITransform
    {
        public Tensor Apply(Tensor input) => p == 0 ? input : flip.Apply(input);
    }
}
