using TinyTorch.Tests.TestDoubles;
using TinyTorch.Transforms;

namespace TinyTorch.Tests.Transforms;

public class RandomCropTests
{
    [Fact]
    public void Properties_AndDefaultPadding()
    {
        var square = new RandomCrop(32, seed: 1);
        var rect = new RandomCrop(3, 5, 2, new Random(1));

        Assert.Equal((32, 32, 4), (square.Height, square.Width, square.Padding));
        Assert.Equal((3, 5, 2), (rect.Height, rect.Width, rect.Padding));
    }

    [Theory]
    [InlineData(new[] { 3, 6, 7 }, 5, 4, 2)]
    [InlineData(new[] { 6, 7 }, 5, 4, 2)]
    [InlineData(new[] { 2, 4, 4 }, 5, 5, 4)]
    [InlineData(new[] { 1, 3, 2 }, 1, 1, 0)]
    public void EveryCrop_IsAWindowOfTheZeroPaddedInput_AndEveryOffsetIsReached(int[] shape, int height, int width, int padding)
    {
        // Crop sizes above the padding make every window overlap the (unique, non-zero) image values,
        // so each output identifies exactly one offset.
        var input = TestData.Sequence(shape);
        var values = input.ToArray();
        var (c, h, w) = NaiveImage.Dims(shape);
        var crop = new RandomCrop(height, width, padding, new Random(31));
        var reached = new HashSet<(int, int)>();

        for (int draw = 0; draw < 3000; draw++)
        {
            var output = crop.Apply(input);
            Assert.Equal(shape.Length == 3 ? [c, height, width] : new[] { height, width }, output.Shape);
            var matches = NaiveImage.MatchingWindows(values, shape, padding, height, width, output.Values);
            Assert.Single(matches);
            reached.Add(matches[0]);
        }

        int offsets = (h + 2 * padding - height + 1) * (w + 2 * padding - width + 1);
        Assert.Equal(offsets, reached.Count);
    }

    [Fact]
    public void CropOfTheWholePaddedImage_IsTheZeroPaddedImage()
    {
        var input = TestData.Sequence(2, 3, 4);

        var output = new RandomCrop(5, 6, 1, new Random(0)).Apply(input);

        Assert.Equal([2, 5, 6], output.Shape);
        TestData.AssertValues(NaiveImage.ZeroPad(input.ToArray(), 2, 3, 4, 1), output.Values);
    }

    [Fact]
    public void NoPadding_FullSize_IsACopy()
    {
        var input = TestData.Sequence(3, 4, 4);

        var output = new RandomCrop(4, padding: 0, seed: 3).Apply(input);

        Assert.NotSame(input, output);
        Assert.True(output.ValueEquals(input));
    }

    [Fact]
    public void SmallImage_LargerCropThanImage_ButWithinPadding_FillsWithZeros()
    {
        var input = new Tensor([7], 1, 1);
        var crop = new RandomCrop(2, padding: 1, seed: 9);
        var seen = new HashSet<string>();

        for (int i = 0; i < 200; i++)
        {
            var output = crop.Apply(input);
            Assert.Equal([2, 2], output.Shape);
            Assert.Equal(3, output.ToArray().Count(v => v == 0));
            Assert.Single(output.ToArray(), v => v == 7);
            seen.Add(string.Join(",", output.ToArray()));
        }

        Assert.Equal(4, seen.Count);
    }

    [Fact]
    public void SameSeed_SameCrops_AlsoWithAnExplicitRandom()
    {
        var input = TestData.Sequence(3, 8, 8);
        var a = new RandomCrop(8, padding: 3, seed: 5);
        var b = new RandomCrop(8, padding: 3, seed: 5);
        var c = new RandomCrop(8, 8, 3, new Random(6));
        var d = new RandomCrop(8, 8, 3, new Random(6));
        var distinct = new HashSet<string>();

        for (int i = 0; i < 50; i++)
        {
            var oa = a.Apply(input);
            Assert.True(oa.ValueEquals(b.Apply(input)));
            Assert.True(c.Apply(input).ValueEquals(d.Apply(input)));
            distinct.Add(string.Join(",", oa.ToArray()));
        }

        Assert.True(distinct.Count > 1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void NonPositiveSize_ThrowsArgumentOutOfRange_NamingTheValue(int size)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomCrop(size, seed: 0));
        Assert.Contains(size.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
        Assert.Equal("height", ex.ParamName);
        Assert.Equal("height", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomCrop(size, 4, 0, new Random())).ParamName);
        var w = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomCrop(4, size, 0, new Random()));
        Assert.Equal("width", w.ParamName);
        Assert.Contains(size.ToString(System.Globalization.CultureInfo.InvariantCulture), w.Message);
    }

    [Fact]
    public void NegativePadding_ThrowsArgumentOutOfRange_NamingTheValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomCrop(4, padding: -3, seed: 0));

        Assert.Equal("padding", ex.ParamName);
        Assert.Contains("-3", ex.Message);
    }

    [Fact]
    public void NullRandom_ThrowsArgumentNull()
    {
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => new RandomCrop(4, 4, 0, null!)).ParamName);
    }

    [Theory]
    [InlineData(new[] { 3, 4, 4 }, 13, 4)]
    [InlineData(new[] { 4, 4 }, 5, 0)]
    public void CropLargerThanThePaddedImage_ThrowsArgumentException_NamingBothSizes(int[] shape, int size, int padding)
    {
        var crop = new RandomCrop(size, padding, seed: 0);

        var ex = Assert.Throws<ArgumentException>(() => crop.Apply(Tensor.Zeros(shape)));
        int padded = shape[^1] + 2 * padding;
        Assert.Contains($"{size}x{size}", ex.Message);
        Assert.Contains($"{padded}x{padded}", ex.Message);
        Assert.Equal("size", ex.ParamName);
        Assert.Throws<ArgumentException>(() => crop.OutputShape(shape));
    }

    [Theory]
    [InlineData(new[] { 0, 4 })]
    [InlineData(new[] { 3, 0, 4 })]
    [InlineData(new[] { 0, 4, 4 })]
    public void EmptyImage_ThrowsArgumentException(int[] shape)
    {
        var ex = Assert.Throws<ArgumentException>(() => new RandomCrop(2, padding: 4, seed: 0).Apply(Tensor.Zeros(shape)));

        Assert.Equal("input", ex.ParamName);
        Assert.Contains("empty", ex.Message);
    }

    [Fact]
    public void NotAnImage_ThrowsArgumentException_NamingTheShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RandomCrop(2, seed: 0).Apply(Tensor.Zeros(1, 1, 4, 4)));

        Assert.Equal("input", ex.ParamName);
        Assert.Contains("[1, 1, 4, 4]", ex.Message);
        Assert.Throws<ArgumentNullException>(() => new RandomCrop(2, seed: 0).Apply(null!));
    }

    [Fact]
    public void SpanForm_OutputShape_AndLengthChecks()
    {
        var crop = new RandomCrop(3, 2, 1, new Random(0));

        Assert.Equal([5, 3, 2], crop.OutputShape([5, 4, 4]));
        Assert.Equal([3, 2], crop.OutputShape([4, 4]));
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => crop.Apply(new float[16], [4, 4], new float[5])).ParamName);
        Assert.Equal("input", Assert.Throws<ArgumentException>(() => crop.Apply(new float[15], [4, 4], new float[6])).ParamName);
    }

    [Fact]
    public void OutputShape_NegativeDimension_ThrowsArgumentException()
    {
        var crop = new RandomCrop(3, padding: 4, seed: 0);

        var ex = Assert.ThrowsAny<ArgumentException>(() => crop.OutputShape([-2, 5]));
        Assert.Contains("-2", ex.Message);
        Assert.ThrowsAny<ArgumentException>(() => new RandomHorizontalFlip(1, seed: 0).OutputShape([3, -1, 4]));
        Assert.ThrowsAny<ArgumentException>(() => new Normalize([0f], [1f]).OutputShape([-1, 4]));
    }

    [Fact]
    public void WithASampleGenerator_CutsTheWindowAtItsTwoDraws_TopThenLeft()
    {
        var crop = new RandomCrop(4, 3, 2, new Random(0));
        var input = TestData.Sequence(2, 5, 4);
        var padded = NaiveImage.ZeroPad(input.ToArray(), 2, 5, 4, 2);

        for (int index = 0; index < 200; index++)
        {
            var random = new SampleRandom(8, 0, index);
            var expected = random;
            int top = expected.Next(5 + 4 - 4 + 1);
            int left = expected.Next(4 + 4 - 3 + 1);

            var output = crop.Apply(input, ref random);

            TestData.AssertValues(NaiveImage.Window(padded, 2, 9, 8, top, left, 4, 3), output.Values);
            Assert.Equal(expected.NextDouble(), random.NextDouble()); // exactly two draws
        }
    }
}
