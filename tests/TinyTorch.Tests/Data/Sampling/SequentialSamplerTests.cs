using TinyTorch.Data.Sampling;

namespace TinyTorch.Tests.Data.Sampling;

public class SequentialSamplerTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(17)]
    public void EveryEpoch_IsZeroToCountMinusOne(int count)
    {
        var sampler = new SequentialSampler(count);

        Assert.Equal(count, sampler.Count);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            Assert.Equal(Enumerable.Range(0, count), sampler.EpochIndices(epoch));
        }
    }

    [Fact]
    public void EpochIndices_ReturnsANewArrayTheCallerOwns()
    {
        var sampler = new SequentialSampler(3);
        var first = sampler.EpochIndices(0);

        first[0] = 99;

        Assert.Equal([0, 1, 2], sampler.EpochIndices(0));
    }

    [Fact]
    public void NegativeCount_ThrowsArgumentOutOfRange_NamingTheValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SequentialSampler(-3));

        Assert.Equal("count", ex.ParamName);
        Assert.Contains("-3", ex.Message);
    }
}
