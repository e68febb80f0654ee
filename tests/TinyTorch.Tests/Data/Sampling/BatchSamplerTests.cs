using TinyTorch.Data.Sampling;

namespace TinyTorch.Tests.Data.Sampling;

public class BatchSamplerTests
{
    [Fact]
    public void Properties_AreKept()
    {
        var inner = new SequentialSampler(10);

        var sampler = new BatchSampler(inner, 3, dropLast: true);

        Assert.Same(inner, sampler.Sampler);
        Assert.Equal(3, sampler.BatchSize);
        Assert.True(sampler.DropLast);
    }

    [Theory]
    [InlineData(10, 3, false, 4)]
    [InlineData(10, 3, true, 3)]
    [InlineData(9, 3, false, 3)]
    [InlineData(9, 3, true, 3)]
    [InlineData(2, 5, false, 1)]
    [InlineData(2, 5, true, 0)]
    [InlineData(0, 1, false, 0)]
    public void Count_WithAndWithoutDropLast(int n, int b, bool dropLast, int expected)
    {
        var sampler = new BatchSampler(new SequentialSampler(n), b, dropLast);

        Assert.Equal(expected, sampler.Count);
        Assert.Equal(expected, sampler.Batches(0).Count());
    }

    [Fact]
    public void Count_NearIntMaxValue_DoesNotOverflow()
    {
        Assert.Equal(int.MaxValue, new BatchSampler(new SequentialSampler(int.MaxValue), 1, dropLast: false).Count);
        Assert.Equal(1, new BatchSampler(new SequentialSampler(int.MaxValue), int.MaxValue, dropLast: false).Count);
        Assert.Equal(2, new BatchSampler(new SequentialSampler(int.MaxValue), int.MaxValue - 1, dropLast: false).Count);
    }

    [Fact]
    public void Batches_AreConsecutiveSlicesOfTheEpochOrder()
    {
        var inner = new RandomSampler(11, seed: 4);
        var sampler = new BatchSampler(inner, 4, dropLast: false);

        var batches = sampler.Batches(2).Select(s => s.ToArray()).ToList();

        Assert.Equal([4, 4, 3], batches.Select(b => b.Length));
        Assert.Equal(inner.EpochIndices(2), batches.SelectMany(b => b));
    }

    [Fact]
    public void Batches_WithDropLast_LeaveOutTheShortTail()
    {
        var batches = new BatchSampler(new SequentialSampler(11), 4, dropLast: true).Batches(0).Select(s => s.ToArray()).ToList();

        Assert.Equal([[0, 1, 2, 3], [4, 5, 6, 7]], batches);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void BatchSize_NotPositive_ThrowsArgumentOutOfRange_NamingTheValue(int batchSize)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new BatchSampler(new SequentialSampler(3), batchSize, false));

        Assert.Equal("batchSize", ex.ParamName);
        Assert.Contains(batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
    }

    [Fact]
    public void NullSampler_ThrowsArgumentNull()
    {
        Assert.Equal("sampler", Assert.Throws<ArgumentNullException>(() => new BatchSampler(null!, 2, false)).ParamName);
    }
}
