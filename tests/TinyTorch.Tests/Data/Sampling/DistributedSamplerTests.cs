using TinyTorch.Data.Sampling;

namespace TinyTorch.Tests.Data.Sampling;

public class DistributedSamplerTests
{
    private static int[][] Shards(int count, int replicas, int epoch, bool shuffle = true, int seed = 0, bool dropLast = false) =>
        Enumerable.Range(0, replicas)
            .Select(r => new DistributedSampler(count, replicas, r, shuffle, seed, dropLast).EpochIndices(epoch))
            .ToArray();

    [Fact]
    public void Properties_AreKept()
    {
        var s = new DistributedSampler(10, numReplicas: 4, rank: 3, shuffle: false, seed: 9, dropLast: true);

        Assert.Equal(10, s.DatasetCount);
        Assert.Equal(4, s.NumReplicas);
        Assert.Equal(3, s.Rank);
        Assert.False(s.Shuffle);
        Assert.Equal(9, s.Seed);
        Assert.True(s.DropLast);
        Assert.Equal(2, s.Count);
    }

    [Fact]
    public void Defaults_ShuffleWithSeedZero_AndPad()
    {
        var s = new DistributedSampler(10, 3, 0);

        Assert.True(s.Shuffle);
        Assert.Equal(0, s.Seed);
        Assert.False(s.DropLast);
        Assert.Equal(4, s.Count);
    }

    [Theory]
    [InlineData(12, 3)]
    [InlineData(12, 4)]
    [InlineData(100, 5)]
    [InlineData(7, 1)]
    public void Divisible_ShardsAreEqualDisjointAndCovering(int count, int replicas)
    {
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var shards = Shards(count, replicas, epoch, seed: 5);

            Assert.All(shards, s => Assert.Equal(count / replicas, s.Length));
            Assert.Equal(Enumerable.Range(0, count), shards.SelectMany(s => s).Order());
        }
    }

    [Theory]
    [InlineData(10, 3)]
    [InlineData(10, 4)]
    [InlineData(2, 5)]
    [InlineData(101, 7)]
    public void NotDivisible_WithPadding_EqualSize_CoversAll_FewerThanReplicasDuplicates(int count, int replicas)
    {
        var shards = Shards(count, replicas, epoch: 1, seed: 3);
        var all = shards.SelectMany(s => s).ToList();

        int size = (count + replicas - 1) / replicas;
        Assert.All(shards, s => Assert.Equal(size, s.Length));
        Assert.Equal(Enumerable.Range(0, count), all.Distinct().Order());
        int duplicates = all.Count - count;
        Assert.InRange(duplicates, 1, replicas - 1);
        Assert.All(all, i => Assert.InRange(i, 0, count - 1));
    }

    [Theory]
    [InlineData(10, 3)]
    [InlineData(10, 4)]
    [InlineData(2, 5)]
    [InlineData(101, 7)]
    public void NotDivisible_WithDropLast_DisjointAndEqual_SkippingFewerThanReplicas(int count, int replicas)
    {
        var shards = Shards(count, replicas, epoch: 0, seed: 3, dropLast: true);
        var all = shards.SelectMany(s => s).ToList();

        Assert.All(shards, s => Assert.Equal(count / replicas, s.Length));
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.InRange(count - all.Count, 0, replicas - 1);
    }

    [Fact]
    public void AllReplicas_AgreeOnTheEpochOrder()
    {
        // Replica r takes positions r, r + R, r + 2R, ... of one shared order: interleaving the shards
        // must rebuild one permutation, which it can only do if every replica used the same order.
        const int count = 30, replicas = 3;
        for (int epoch = 0; epoch < 4; epoch++)
        {
            var shards = Shards(count, replicas, epoch, seed: 42);
            var order = new int[count];
            for (int r = 0; r < replicas; r++)
            {
                for (int k = 0; k < shards[r].Length; k++)
                {
                    order[r + k * replicas] = shards[r][k];
                }
            }

            Assert.Equal(Enumerable.Range(0, count), order.Order());
            Assert.Equal(shards, Shards(count, replicas, epoch, seed: 42)); // deterministic
        }
    }

    [Fact]
    public void Shuffle_ChangesOrderPerEpoch_NoShuffleIsStrided()
    {
        var shuffled = new DistributedSampler(40, 2, 0, shuffle: true, seed: 1);
        var plain = new DistributedSampler(40, 2, 1, shuffle: false);

        Assert.NotEqual(shuffled.EpochIndices(0), shuffled.EpochIndices(1));
        Assert.Equal(Enumerable.Range(0, 20).Select(k => 1 + 2 * k), plain.EpochIndices(0));
        Assert.Equal(plain.EpochIndices(0), plain.EpochIndices(5));
        Assert.NotEqual(shuffled.EpochIndices(0), new DistributedSampler(40, 2, 0, shuffle: true, seed: 2).EpochIndices(0));
    }

    [Fact]
    public void EmptyDataset_GivesEmptyShards()
    {
        Assert.All(Shards(0, 3, 0), s => Assert.Empty(s));
        Assert.All(Shards(0, 3, 0, dropLast: true), s => Assert.Empty(s));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void NumReplicas_BelowOne_ThrowsArgumentOutOfRange_NamingTheValue(int replicas)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new DistributedSampler(10, replicas, 0));

        Assert.Equal("numReplicas", ex.ParamName);
        Assert.Equal(replicas, ex.ActualValue);
        Assert.Contains(replicas.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    [InlineData(17)]
    public void Rank_OutsideZeroToReplicas_ThrowsArgumentOutOfRange_NamingTheValue(int rank)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new DistributedSampler(10, 4, rank));

        Assert.Equal("rank", ex.ParamName);
        Assert.Equal(rank, ex.ActualValue);
        Assert.Contains(rank.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
        Assert.Contains("4", ex.Message);
    }

    [Fact]
    public void NegativeCount_ThrowsArgumentOutOfRange_NamingTheValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new DistributedSampler(-8, 2, 0));

        Assert.Equal("count", ex.ParamName);
        Assert.Contains("-8", ex.Message);
    }
}
