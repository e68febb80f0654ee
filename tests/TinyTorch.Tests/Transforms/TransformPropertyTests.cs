using CsCheck;
using TinyTorch.Tests.TestDoubles;
using TinyTorch.Transforms;

namespace TinyTorch.Tests.Transforms;

public class TransformPropertyTests
{
    /// <summary>An HW (channels 0) or CHW shape with small sides.</summary>
    private static readonly Gen<int[]> ImageShape =
        Gen.Select(Gen.Int[0, 3], Gen.Int[1, 9], Gen.Int[1, 9]).Select((c, h, w) => c == 0 ? new[] { h, w } : [c, h, w]);

    [Fact]
    public void FlipTwice_IsTheIdentity()
    {
        Gen.Select(ImageShape, Gen.Int).Sample((shape, seed) =>
        {
            var input = TestData.Random(new Random(seed), shape);
            var flip = new RandomHorizontalFlip(1, seed: seed);
            var once = flip.Apply(input);
            var twice = flip.Apply(once);
            Assert.True(twice.ValueEquals(input));
            var (c, h, w) = NaiveImage.Dims(shape);
            TestData.AssertValues(NaiveImage.FlipLastAxis(input.ToArray(), c, h, w), once.Values);
        });
    }

    [Fact]
    public void Crop_IsAWindowOfTheZeroPaddedInput()
    {
        var gen =
            from shape in ImageShape
            from padding in Gen.Int[0, 4]
            from height in Gen.Int[1, NaiveImage.Dims(shape).H + 2 * padding]
            from width in Gen.Int[1, NaiveImage.Dims(shape).W + 2 * padding]
            from seed in Gen.Int
            select (shape, padding, height, width, seed);

        gen.Sample(t =>
        {
            var input = TestData.Sequence(t.shape);
            var crop = new RandomCrop(t.height, t.width, t.padding, new Random(t.seed));
            var output = crop.Apply(input);
            var (c, _, _) = NaiveImage.Dims(t.shape);
            Assert.Equal(t.shape.Length == 3 ? [c, t.height, t.width] : new[] { t.height, t.width }, output.Shape);
            Assert.NotEmpty(NaiveImage.MatchingWindows(input.ToArray(), t.shape, t.padding, t.height, t.width, output.Values));
        });
    }

    [Fact]
    public void Normalize_IsUndoneByScalingBack()
    {
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, 6], Gen.Int).Sample((channels, side, seed) =>
        {
            var random = new Random(seed);
            var mean = Enumerable.Range(0, channels).Select(_ => (float)random.NextDouble()).ToArray();
            var std = Enumerable.Range(0, channels).Select(_ => 0.1f + (float)random.NextDouble()).ToArray();
            var input = TestData.Random(random, channels, side, side);
            var output = new Normalize(mean, std).Apply(input);
            int plane = side * side;
            for (int i = 0; i < input.Length; i++)
            {
                Assert.Equal(input.Values[i], output.Values[i] * (double)std[i / plane] + mean[i / plane], tolerance: 1e-4);
            }
        });
    }

    /// <summary>
    /// Pipelines of 2-4 random flips and crops, each valid for the shape its input will have: the input
    /// shape, and a factory of identically seeded stages.
    /// </summary>
    private static readonly Gen<(int[] Shape, List<Func<ITransform>> Stages)> FlipsAndCrops =
        from shape in ImageShape
        from stages in Gen.Int[2, 4]
        from choices in Gen.Select(Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int).Array[stages]
        select (shape, Factories(shape, choices));

    private static List<Func<ITransform>> Factories(int[] shape, (int Kind, int Padding, int HPick, int WPick, int Seed)[] choices)
    {
        var (_, h, w) = NaiveImage.Dims(shape);
        var factories = new List<Func<ITransform>>();
        foreach (var (kind, padding, hPick, wPick, seed) in choices)
        {
            if (kind < 2)
            {
                double p = kind == 0 ? 1.0 : 0.5;
                factories.Add(() => new RandomHorizontalFlip(p, seed: seed));
            }
            else
            {
                int ch = 1 + hPick % (h + 2 * padding), cw = 1 + wPick % (w + 2 * padding);
                factories.Add(() => new RandomCrop(ch, cw, padding, new Random(seed)));
                (h, w) = (ch, cw);
            }
        }

        return factories;
    }

    [Fact]
    public void ComposedFlipsAndCrops_EqualTheStagesAppliedOneByOne()
    {
        // The composed pipeline (which may run them as one fused pass) must give exactly what running
        // identically seeded stages one at a time gives, on the tensor and the span path, draw after draw.
        FlipsAndCrops.Sample(t =>
        {
            var factories = t.Stages;
            var composedTensor = new Compose([.. factories.Select(f => f())]);
            var composedSpan = new Compose([.. factories.Select(f => f())]);
            var oneByOne = factories.Select(f => f()).ToArray();
            var input = TestData.Sequence(t.Shape);
            for (int draw = 0; draw < 4; draw++)
            {
                var expected = input;
                foreach (var stage in oneByOne)
                {
                    expected = stage.Apply(expected);
                }

                var got = composedTensor.Apply(input);
                Assert.Equal(expected.Shape, got.Shape);
                TestData.AssertValues(expected.Values, got.Values);
                var span = new float[expected.Length];
                Assert.Equal(expected.Shape, composedSpan.OutputShape([.. t.Shape]));
                composedSpan.Apply(input.Values, [.. t.Shape], span);
                TestData.AssertValues(expected.Values, span);
            }
        });
    }

    [Fact]
    public void ComposedFlipsAndCrops_WithASampleGenerator_EqualTheStagesOneByOne_OnBothPaths()
    {
        // What the loader relies on: for one sample generator, the fused pass (span), the composed tensor
        // form and the stages applied one by one draw the same numbers and give the same image, and the
        // stages' own seeds play no part.
        Gen.Select(FlipsAndCrops, Gen.Int, Gen.Int[0, 50], Gen.Int[0, 10_000]).Sample((t, seed, epoch, index) =>
        {
            var composed = new Compose([.. t.Stages.Select(f => f())]);
            var oneByOne = t.Stages.Select(f => f()).ToArray();
            var input = TestData.Sequence(t.Shape);
            var forStages = new SampleRandom(seed, epoch, index);
            var forTensor = forStages;
            var forSpan = forStages;

            var expected = input;
            foreach (var stage in oneByOne)
            {
                expected = stage.Apply(expected, ref forStages);
            }

            var tensor = composed.Apply(input, ref forTensor);
            var span = new float[expected.Length];
            composed.Apply(input.Values, [.. t.Shape], span, ref forSpan);

            TestData.AssertValues(expected.Values, tensor.Values);
            TestData.AssertValues(expected.Values, span);
            double next = forStages.NextDouble();
            Assert.Equal(next, forTensor.NextDouble());
            Assert.Equal(next, forSpan.NextDouble());
        });
    }

    [Fact]
    public void ComposedCrop_TooLargeForAnEarlierCropsOutput_FailsLikeTheStagesOneByOne()
    {
        var compose = new Compose(new RandomHorizontalFlip(seed: 1), new RandomCrop(3, 3, 0, new Random(1)), new RandomCrop(5, 5, 0, new Random(2)));
        var input = TestData.Sequence(2, 6, 6);

        var ex = Assert.Throws<ArgumentException>(() => compose.Apply(input));
        var spanEx = Assert.Throws<ArgumentException>(() => compose.Apply(input.Values, [2, 6, 6], new float[50]));

        Assert.Contains("5x5", ex.Message);
        Assert.Contains("3x3", ex.Message);
        Assert.Equal(ex.Message, spanEx.Message);
        Assert.Equal(ex.ParamName, spanEx.ParamName);
    }
}
