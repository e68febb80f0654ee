using TinyTorch.Tests.TestDoubles;
using TinyTorch.Transforms;

namespace TinyTorch.Tests.Transforms;

public class NormalizeTests
{
    [Fact]
    public void StandardisesEachChannel_CHW()
    {
        float[] mean = [0.5f, -1f, 2f];
        float[] std = [0.25f, 2f, 4f];
        var input = TestData.Random(new Random(1), 3, 4, 5);
        var x = input.ToArray();

        var output = new Normalize(mean, std).Apply(input);

        Assert.Equal([3, 4, 5], output.Shape);
        for (int c = 0; c < 3; c++)
        {
            for (int i = 0; i < 20; i++)
            {
                double expected = (x[c * 20 + i] - (double)mean[c]) / std[c];
                Assert.Equal(expected, output.Values[c * 20 + i], tolerance: 1e-5);
            }
        }
    }

    [Fact]
    public void StandardisesAOneChannelHWImage()
    {
        var input = new Tensor([1, 2, 3, 4], 2, 2);

        var output = new Normalize([2f], [0.5f]).Apply(input);

        Assert.Equal([2, 2], output.Shape);
        Assert.Equal([-2f, 0, 2, 4], output.ToArray());
    }

    [Fact]
    public void MeanAndStd_AreCopiesOfTheArguments()
    {
        float[] mean = [1f, 2f];
        float[] std = [3f, 4f];
        var normalize = new Normalize(mean, std);

        mean[0] = 100;
        std[0] = 100;

        Assert.Equal([1f, 2f], normalize.Mean);
        Assert.Equal([3f, 4f], normalize.Std);
    }

    [Fact]
    public void MismatchedChannelCount_ThrowsArgumentException_NamingBothCounts()
    {
        var normalize = new Normalize([0f, 0f, 0f], [1f, 1f, 1f]);

        var ex = Assert.Throws<ArgumentException>(() => normalize.Apply(Tensor.Zeros(4, 2, 2)));
        Assert.Equal("input", ex.ParamName);
        Assert.Contains("3 channels", ex.Message);
        Assert.Contains("has 4", ex.Message);
        Assert.Contains("1", Assert.Throws<ArgumentException>(() => normalize.Apply(Tensor.Zeros(2, 2))).Message);
        Assert.Throws<ArgumentException>(() => normalize.OutputShape([1, 2, 2]));
    }

    [Fact]
    public void MeanAndStdOfDifferentLengths_ThrowArgumentException_NamingBothLengths()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Normalize([0f, 0f, 0f], [1f, 1f]));

        Assert.Equal("std", ex.ParamName);
        Assert.Contains("3", ex.Message);
        Assert.Contains("2", ex.Message);
    }

    [Fact]
    public void NoChannels_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Normalize([], []));

        Assert.Equal("mean", ex.ParamName);
        Assert.Throws<ArgumentNullException>(() => new Normalize(null!, [1f]));
        Assert.Throws<ArgumentNullException>(() => new Normalize([1f], null!));
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-2f)]
    [InlineData(float.NaN)]
    [InlineData(float.NegativeInfinity)]
    public void StdNotPositive_ThrowsArgumentOutOfRange_NamingChannelAndValue(float bad)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Normalize([0f, 0f], [1f, bad]));

        Assert.Equal("std", ex.ParamName);
        Assert.Contains("std[1]", ex.Message);
        Assert.Contains(bad.ToString(System.Globalization.CultureInfo.CurrentCulture), ex.Message);
    }

    [Fact]
    public void NonFiniteMeanOrStd_IsRejected()
    {
        Assert.ThrowsAny<ArgumentException>(() => new Normalize([float.NaN], [1f]));
        Assert.ThrowsAny<ArgumentException>(() => new Normalize([float.PositiveInfinity], [1f]));
        Assert.ThrowsAny<ArgumentException>(() => new Normalize([0f], [float.PositiveInfinity]));
    }

    [Fact]
    public void EmptyOrNonImageInput_ThrowsArgumentException()
    {
        var normalize = new Normalize([0f], [1f]);

        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => normalize.Apply(Tensor.Zeros(0, 3))).Message);
        Assert.Contains("[5]", Assert.Throws<ArgumentException>(() => normalize.Apply(Tensor.Zeros(5))).Message);
        Assert.Throws<ArgumentNullException>(() => normalize.Apply(null!));
    }

    [Fact]
    public void SpanForm_MatchesTensorForm_AndChecksLengths()
    {
        var normalize = new Normalize([1f, 2f], [2f, 4f]);
        var input = TestData.Random(new Random(3), 2, 3, 3);
        var output = new float[18];

        normalize.Apply(input.Values, [2, 3, 3], output);

        Assert.Equal([2, 3, 3], normalize.OutputShape([2, 3, 3]));
        TestData.AssertValues(normalize.Apply(input).Values, output);
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => normalize.Apply(new float[18], [2, 3, 3], new float[17])).ParamName);
    }
}
