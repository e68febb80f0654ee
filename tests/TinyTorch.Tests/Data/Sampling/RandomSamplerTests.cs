using TinyTorch.Data.Sampling;

namespace TinyTorch.Tests.Data.Sampling;

public class RandomSamplerTests
{
    [Fact]
    public void Properties_AreKept()
    {
        var sampler = new RandomSampler(12, seed: 34);

        Assert.Equal(12, sampler.Count);
        Assert.Equal(34, sampler.Seed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(100)]
    public void EveryEpoch_VisitsEveryIndexExactlyOnce(int count)
    {
        var sampler = new RandomSampler(count, seed: 1);

        for (int epoch = 0; epoch < 10; epoch++)
        {
            Assert.Equal(Enumerable.Range(0, count), sampler.EpochIndices(epoch).Order());
        }
    }

    [Fact]
    public void SameSeed_SameEpochs_DifferentEpochsAndSeedsDiffer()
    {
        var a = new RandomSampler(50, seed: 7);
        var b = new RandomSampler(50, seed: 7);
        var c = new RandomSampler(50, seed: 8);

        var epochs = Enumerable.Range(0, 5).Select(e => a.EpochIndices(e)).ToList();

        for (int e = 0; e < 5; e++)
        {
            Assert.Equal(epochs[e], b.EpochIndices(e));
            Assert.Equal(epochs[e], a.EpochIndices(e)); // a pure function of (seed, epoch)
            Assert.NotEqual(epochs[e], c.EpochIndices(e));
        }

        Assert.Equal(5, epochs.Select(o => string.Join(",", o)).Distinct().Count());
    }

    [Fact]
    public void Permutations_AreUniform_StatisticalCheck()
    {
        // 3 indices have 6 orders; over 30,000 epochs each should appear ~5,000 times (sd ~65).
        // A tolerance of 350 (> 5 sd) never fails a fair shuffle, and catches the classic biased
        // "swap with any position" shuffle, which is off by ~550 for some orders.
        var sampler = new RandomSampler(3, seed: 2024);
        var counts = new Dictionary<string, int>();
        for (int epoch = 0; epoch < 30_000; epoch++)
        {
            string key = string.Join(",", sampler.EpochIndices(epoch));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        Assert.Equal(6, counts.Count);
        Assert.All(counts.Values, n => Assert.InRange(n, 5000 - 350, 5000 + 350));
    }

    [Fact]
    public void NegativeCount_ThrowsArgumentOutOfRange_NamingTheValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomSampler(-5, 0));

        Assert.Equal("count", ex.ParamName);
        Assert.Contains("-5", ex.Message);
    }
}
