using System.Globalization;
using TinyTorch.Tests.TestDoubles;
using TinyTorch.Transforms;

namespace TinyTorch.Tests.Transforms;

public class RandomHorizontalFlipTests
{
    [Fact]
    public void DefaultProbability_IsOneHalf()
    {
        Assert.Equal(0.5, new RandomHorizontalFlip().P);
        Assert.Equal(0.25, new RandomHorizontalFlip(0.25, seed: 1).P);
        Assert.Equal(0.75, new RandomHorizontalFlip(0.75, new Random(1)).P);
    }

    [Theory]
    [InlineData(new[] { 3, 5 })]
    [InlineData(new[] { 1, 1 })]
    [InlineData(new[] { 3, 4, 6 })]
    [InlineData(new[] { 2, 1, 7 })]
    public void ProbabilityOne_FlipsTheLastAxis_OfHWAndCHW(int[] shape)
    {
        var input = TestData.Sequence(shape);
        var (c, h, w) = NaiveImage.Dims(shape);

        var output = new RandomHorizontalFlip(1.0, seed: 0).Apply(input);

        Assert.Equal(shape, output.Shape);
        TestData.AssertValues(NaiveImage.FlipLastAxis(input.ToArray(), c, h, w), output.Values);
    }

    [Fact]
    public void ProbabilityZero_CopiesTheInput()
    {
        var input = TestData.Sequence(2, 3, 4);

        var output = new RandomHorizontalFlip(0.0, seed: 0).Apply(input);

        Assert.NotSame(input, output);
        Assert.True(output.ValueEquals(input));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void FlipFrequency_IsP_WithinFiveStandardDeviations(double p)
    {
        // 10,000 draws: the standard deviation of the observed frequency is at most 0.005, so the
        // tolerance of 0.025 (5 sd) would fail a correct implementation with probability < 1e-6 for a
        // random seed; with this fixed seed the outcome is deterministic.
        const int draws = 10_000;
        var flip = new RandomHorizontalFlip(p, seed: 123);
        var image = new Tensor([1, 2], 1, 2);

        int flipped = 0;
        for (int i = 0; i < draws; i++)
        {
            var output = flip.Apply(image);
            if (output[0, 0] == 2f)
            {
                Assert.Equal(1f, output[0, 1]);
                flipped++;
            }
            else
            {
                Assert.True(output.ValueEquals(image));
            }
        }

        Assert.InRange(flipped / (double)draws, p - 0.025, p + 0.025);
    }

    [Fact]
    public void SameSeed_SameOutputs_AlsoWithAnExplicitRandom()
    {
        var image = TestData.Sequence(3, 4, 5);
        var a = new RandomHorizontalFlip(0.5, seed: 77);
        var b = new RandomHorizontalFlip(0.5, seed: 77);
        var c = new RandomHorizontalFlip(0.5, new Random(5));
        var d = new RandomHorizontalFlip(0.5, new Random(5));

        var flipsA = new List<bool>();
        for (int i = 0; i < 64; i++)
        {
            var oa = a.Apply(image);
            Assert.True(oa.ValueEquals(b.Apply(image)));
            Assert.True(c.Apply(image).ValueEquals(d.Apply(image)));
            flipsA.Add(!oa.ValueEquals(image));
        }

        Assert.Contains(true, flipsA);
        Assert.Contains(false, flipsA);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(2.0)]
    [InlineData(1.0000001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void ProbabilityOutsideZeroToOne_ThrowsArgumentOutOfRange_NamingTheValue(double p)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomHorizontalFlip(p, seed: 0));
        var ex2 = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomHorizontalFlip(p, new Random(0)));

        Assert.Equal("p", ex.ParamName);
        Assert.Equal("p", ex2.ParamName);
        Assert.Contains(p.ToString(CultureInfo.CurrentCulture), ex.Message);
    }

    [Fact]
    public void NullRandom_ThrowsArgumentNull()
    {
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => new RandomHorizontalFlip(0.5, (Random)null!)).ParamName);
    }

    [Theory]
    [InlineData(new[] { 5 })]
    [InlineData(new[] { 2, 3, 4, 5 })]
    [InlineData(new int[0])]
    public void NotAnImage_ThrowsArgumentException_NamingTheShape(int[] shape)
    {
        var ex = Assert.Throws<ArgumentException>(() => new RandomHorizontalFlip(1, seed: 0).Apply(Tensor.Zeros(shape)));

        Assert.Equal("input", ex.ParamName);
        Assert.Contains("[" + string.Join(", ", shape) + "]", ex.Message);
    }

    [Theory]
    [InlineData(new[] { 0, 3 })]
    [InlineData(new[] { 3, 0 })]
    [InlineData(new[] { 0, 2, 2 })]
    [InlineData(new[] { 3, 2, 0 })]
    public void EmptyImage_ThrowsArgumentException_NamingTheShape(int[] shape)
    {
        var ex = Assert.Throws<ArgumentException>(() => new RandomHorizontalFlip(1, seed: 0).Apply(Tensor.Zeros(shape)));

        Assert.Equal("input", ex.ParamName);
        Assert.Contains("empty", ex.Message);
        Assert.Contains("[" + string.Join(", ", shape) + "]", ex.Message);
    }

    [Fact]
    public void NullInput_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new RandomHorizontalFlip(1, seed: 0).Apply(null!));
    }

    [Fact]
    public void SpanForm_OutputShape_AndLengthChecks()
    {
        var flip = new RandomHorizontalFlip(1, seed: 0);

        Assert.Equal([3, 4, 5], flip.OutputShape([3, 4, 5]));
        Assert.Equal([4, 5], flip.OutputShape([4, 5]));
        var input = new float[12];
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => flip.Apply(input, [3, 4], new float[11])).ParamName);
        Assert.Equal("input", Assert.Throws<ArgumentException>(() => flip.Apply(new float[11], [3, 4], new float[12])).ParamName);
        Assert.Throws<ArgumentException>(() => flip.OutputShape([3]));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(1.0)]
    public void WithASampleGenerator_FlipsExactlyWhenItsOneDrawIsBelowP(double p)
    {
        var flip = new RandomHorizontalFlip(p, seed: 0);
        var input = TestData.Sequence(2, 3, 4);
        var flipped = NaiveImage.FlipLastAxis(input.ToArray(), 2, 3, 4);

        for (int index = 0; index < 200; index++)
        {
            var random = new SampleRandom(3, 2, index);
            var expected = random; // a copy: what the flip should draw
            bool flips = expected.NextDouble() < p;

            var output = flip.Apply(input, ref random);

            TestData.AssertValues(flips ? flipped : input.ToArray(), output.Values);
            Assert.Equal(expected.NextDouble(), random.NextDouble()); // exactly one draw
        }
    }
}
