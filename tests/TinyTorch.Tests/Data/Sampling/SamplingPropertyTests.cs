using CsCheck;
using TinyTorch.Data.Sampling;

namespace TinyTorch.Tests.Data.Sampling;

public class SamplingPropertyTests
{
    [Fact]
    public void RandomSampler_EveryIndexExactlyOncePerEpoch()
    {
        Gen.Select(Gen.Int[0, 300], Gen.Int, Gen.Int[0, 1000]).Sample((n, seed, epoch) =>
            Assert.Equal(Enumerable.Range(0, n), new RandomSampler(n, seed).EpochIndices(epoch).Order()));
    }

    [Fact]
    public void BatchSampler_CountsAndSlices_WithAndWithoutDropLast()
    {
        Gen.Select(Gen.Int[0, 200], Gen.Int[1, 64], Gen.Bool).Sample((n, b, drop) =>
        {
            var batches = new BatchSampler(new SequentialSampler(n), b, drop).Batches(0).Select(s => s.ToArray()).ToList();
            int expected = drop ? n / b : (n + b - 1) / b;
            Assert.Equal(expected, batches.Count);
            Assert.Equal(expected, new BatchSampler(new SequentialSampler(n), b, drop).Count);
            Assert.All(batches.SkipLast(1), x => Assert.Equal(b, x.Length));
            Assert.Equal(Enumerable.Range(0, drop ? n / b * b : n), batches.SelectMany(x => x));
        });
    }

    [Fact]
    public void DistributedSampler_ShardsAreEqualSized_AndEitherCoverOrStayDisjoint()
    {
        Gen.Select(Gen.Int[0, 300], Gen.Int[1, 8], Gen.Bool, Gen.Bool, Gen.Int, Gen.Int[0, 20]).Sample((n, replicas, shuffle, dropLast, seed, epoch) =>
        {
            var shards = Enumerable.Range(0, replicas)
                .Select(r => new DistributedSampler(n, replicas, r, shuffle, seed, dropLast).EpochIndices(epoch))
                .ToArray();
            var all = shards.SelectMany(s => s).ToList();
            int size = shards[0].Length;
            Assert.All(shards, s => Assert.Equal(size, s.Length));
            Assert.All(all, i => Assert.InRange(i, 0, n - 1));
            if (n % replicas == 0)
            {
                Assert.Equal(Enumerable.Range(0, n), all.Order()); // disjoint and covering
            }
            else if (dropLast)
            {
                Assert.Equal(all.Count, all.Distinct().Count());
                Assert.Equal(n / replicas, size);
            }
            else
            {
                Assert.Equal(Enumerable.Range(0, n), all.Distinct().Order());
                Assert.InRange(all.Count - n, 1, replicas - 1);
            }
        });
    }
}
