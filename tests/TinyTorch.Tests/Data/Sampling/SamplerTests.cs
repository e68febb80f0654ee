using TinyTorch.Data;
using TinyTorch.Data.Sampling;
using TinyTorch.Tests.TestDoubles;

namespace TinyTorch.Tests.Data.Sampling;

/// <summary>The abstract <see cref="Sampler"/>: what a custom sampler gets from it.</summary>
public class SamplerTests
{
    /// <summary>A custom sampler built on the protected helpers: the even indices, shuffled per epoch.</summary>
    private sealed class EvenSampler(int datasetCount, int seed) : Sampler
    {
        public override int Count => (datasetCount + 1) / 2;

        public override int[] EpochIndices(int epoch)
        {
            var indices = Enumerable.Range(0, Count).Select(i => 2 * i).ToArray();
            FisherYates(indices, new Random(EpochSeed(seed, epoch)));
            return indices;
        }

        public static int Seed(int seed, int epoch) => EpochSeed(seed, epoch);

        public static void Shuffle(Span<int> indices, Random random) => FisherYates(indices, random);
    }

    [Fact]
    public void Sampler_IsAbstract()
    {
        Assert.True(typeof(Sampler).IsAbstract);
    }

    [Fact]
    public void EpochSeed_IsDeterministic_NonNegative_AndDiffersAcrossEpochsAndSeeds()
    {
        var seeds = new HashSet<int>();
        for (int seed = -2; seed <= 2; seed++)
        {
            for (int epoch = 0; epoch < 200; epoch++)
            {
                int s = EvenSampler.Seed(seed, epoch);
                Assert.Equal(s, EvenSampler.Seed(seed, epoch));
                Assert.True(s >= 0);
                seeds.Add(s);
            }
        }

        Assert.Equal(5 * 200, seeds.Count);
    }

    [Fact]
    public void FisherYates_Permutes_AndDependsOnlyOnTheGenerator()
    {
        var a = Enumerable.Range(0, 20).ToArray();
        var b = Enumerable.Range(0, 20).ToArray();

        EvenSampler.Shuffle(a, new Random(5));
        EvenSampler.Shuffle(b, new Random(5));

        Assert.Equal(Enumerable.Range(0, 20), a.Order());
        Assert.Equal(a, b);
        Assert.NotEqual(Enumerable.Range(0, 20), a);
        var empty = Array.Empty<int>();
        EvenSampler.Shuffle(empty, new Random(1));
        Assert.Empty(empty);
    }

    [Fact]
    public void CustomSampler_DrivesTheLoader()
    {
        var sampler = new EvenSampler(11, seed: 3);
        var loader = new DataLoader(TestData.Indexed(11, 1), batchSize: 4, sampler: sampler);

        var labels = TestData.Epoch(loader).SelectMany(TestData.Labels).ToArray();

        Assert.Equal(2, loader.Count);
        Assert.Equal([0, 2, 4, 6, 8, 10], labels.Order());
        Assert.Equal(sampler.EpochIndices(0), labels);
    }
}
