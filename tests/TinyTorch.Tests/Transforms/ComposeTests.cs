using TinyTorch.Tests.TestDoubles;
using TinyTorch.Transforms;

namespace TinyTorch.Tests.Transforms;

public class ComposeTests
{
    [Fact]
    public void Transforms_AreKeptInOrder_AndTheArrayIsCopied()
    {
        ITransform a = new AddConstant(1), b = new MultiplyBy(2);
        ITransform[] stages = [a, b];
        var compose = new Compose(stages);

        stages[0] = b;

        Assert.Equal([a, b], compose.Transforms);
    }

    [Fact]
    public void CanFuse_OnlyWhenEveryStageIsASpanTransform()
    {
        Assert.True(new Compose().CanFuse);
        Assert.True(new Compose(new RandomHorizontalFlip(seed: 0), new RandomCrop(4, seed: 0), new Normalize([0f], [1f])).CanFuse);
        Assert.False(new Compose(new RandomHorizontalFlip(seed: 0), new AddConstant(1)).CanFuse);
    }

    [Fact]
    public void Order_IsFirstToLast_PlainStages()
    {
        var x = new Tensor([1, 2, 3], 3);

        var addThenDouble = new Compose(new AddConstant(1), new MultiplyBy(2)).Apply(x);
        var doubleThenAdd = new Compose(new MultiplyBy(2), new AddConstant(1)).Apply(x);

        Assert.Equal([4f, 6, 8], addThenDouble.ToArray());
        Assert.Equal([3f, 5, 7], doubleThenAdd.ToArray());
    }

    [Fact]
    public void Order_IsFirstToLast_FusedStages()
    {
        // Padding then normalising turns the zeros into -mean/std; normalising then padding keeps them 0.
        const int c = 2, h = 3, w = 3, p = 1;
        var image = TestData.Sequence(c, h, w);
        var fullPad = new RandomCrop(h + 2 * p, w + 2 * p, p, new Random(0)); // one possible window: the whole padded image
        var normalize = new Normalize([1f, 2f], [2f, 4f]);
        float[] mean = [1f, 2f], std = [2f, 4f];

        var padThenNormalize = new Compose(fullPad, normalize).Apply(image);
        var normalizeThenPad = new Compose(normalize, fullPad).Apply(image);

        int plane = (h + 2 * p) * (w + 2 * p);
        var padded = NaiveImage.ZeroPad(image.ToArray(), c, h, w, p);
        var normalizedFirst = image.ToArray();
        for (int i = 0; i < normalizedFirst.Length; i++)
        {
            normalizedFirst[i] = (normalizedFirst[i] - mean[i / (h * w)]) / std[i / (h * w)];
        }

        var expectedB = NaiveImage.ZeroPad(normalizedFirst, c, h, w, p);
        for (int i = 0; i < padded.Length; i++)
        {
            int ch = i / plane;
            Assert.Equal((padded[i] - (double)mean[ch]) / std[ch], padThenNormalize.Values[i], tolerance: 1e-5);
            Assert.Equal(expectedB[i], normalizeThenPad.Values[i], tolerance: 1e-5);
        }

        Assert.False(padThenNormalize.ValueEquals(normalizeThenPad));
    }

    [Fact]
    public void Stages_ThatChangeTheShape_Chain()
    {
        var image = TestData.Sequence(3, 8, 8);
        var compose = new Compose(new RandomCrop(6, 5, 0, new Random(1)), new RandomHorizontalFlip(1, seed: 0), new RandomCrop(4, 2, 0, new Random(2)));

        var output = compose.Apply(image);

        Assert.Equal([3, 4, 2], compose.OutputShape([3, 8, 8]));
        Assert.Equal([3, 4, 2], output.Shape);
    }

    [Fact]
    public void Empty_CopiesTheInput()
    {
        var input = TestData.Sequence(2, 3);
        var compose = new Compose();

        var output = compose.Apply(input);
        var span = new float[6];
        compose.Apply(input.Values, [2, 3], span);

        Assert.NotSame(input, output);
        Assert.True(output.ValueEquals(input));
        TestData.AssertValues(input.Values, span);
        Assert.Equal([2, 3], compose.OutputShape([2, 3]));
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => compose.Apply(input.Values, [2, 3], new float[5])).ParamName);
    }

    [Fact]
    public void AStageThatReturnsItsInput_StillNeverAliasesThePipelineInput()
    {
        var input = TestData.Sequence(4);

        var output = new Compose(new ReturnsInput()).Apply(input);
        output.AsSpan().Fill(0);

        Assert.Equal([1f, 2, 3, 4], input.ToArray());
    }

    [Fact]
    public void NullStage_ThrowsArgumentException_NamingItsIndex()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Compose(new MultiplyBy(1), null!));

        Assert.Equal("transforms", ex.ParamName);
        Assert.Contains("Transform 1", ex.Message);
        Assert.Throws<ArgumentNullException>(() => new Compose(null!));
        Assert.Throws<ArgumentNullException>(() => new Compose(new MultiplyBy(1)).Apply(null!));
        Assert.Throws<ArgumentNullException>(() => new Compose(new AddConstant(1)).Apply(null!));
    }

    [Fact]
    public void SpanForm_OfAPipelineWithAPlainStage_IsNotSupported()
    {
        var compose = new Compose(new RandomHorizontalFlip(seed: 0), new AddConstant(1));

        Assert.Throws<NotSupportedException>(() => compose.OutputShape([2, 2]));
        Assert.Throws<NotSupportedException>(() => compose.Apply(new float[4], [2, 2], new float[4]));
        Assert.Equal([2f, 3, 4, 5], new Compose(new AddConstant(1)).Apply(TestData.Sequence(2, 2)).ToArray());
    }

    [Fact]
    public void SpanForm_EqualsTensorForm_ForTheSameSeeds_AcrossManyStages()
    {
        Compose Make() => new(
            new RandomHorizontalFlip(0.5, seed: 1),
            new RandomCrop(7, 6, 2, new Random(2)),
            new Normalize([0.5f, 0.25f], [2f, 0.5f]),
            new RandomCrop(5, 5, 1, new Random(3)),
            new MultiplyBy(3));
        var tensorPath = Make();
        var spanPath = Make();
        var input = TestData.Random(new Random(4), 2, 6, 6);

        for (int i = 0; i < 100; i++)
        {
            var expected = tensorPath.Apply(input);
            var output = new float[2 * 5 * 5];
            spanPath.Apply(input.Values, [2, 6, 6], output);
            Assert.Equal([2, 5, 5], expected.Shape);
            TestData.AssertValues(expected.Values, output);
        }
    }

    [Fact]
    public void NestedCompose_WithAPlainStage_StillWorksThroughTheTensorPath()
    {
        var outer = new Compose(new Compose(new AddConstant(1)), new MultiplyBy(2));

        var output = outer.Apply(new Tensor([1, 2], 2));

        Assert.False(outer.CanFuse);
        Assert.Equal([4f, 6], output.ToArray());
    }

    public static TheoryData<string> SamplePipelines => new() { "flip, crop", "flip, plain stage, crop", "flip, normalize, crop", "nested" };

    private static ITransform[] Stages(string pipeline) => pipeline switch
    {
        "flip, crop" => [new RandomHorizontalFlip(0.5, seed: 1), new RandomCrop(4, padding: 2, seed: 2)],
        "flip, plain stage, crop" => [new RandomHorizontalFlip(0.5, seed: 1), new AddConstant(1), new RandomCrop(4, padding: 2, seed: 2)],
        "flip, normalize, crop" => [new RandomHorizontalFlip(0.5, seed: 1), new Normalize([1f, 2f], [2f, 4f]), new RandomCrop(4, padding: 2, seed: 2)],
        "nested" => [new Compose(new RandomHorizontalFlip(0.5, seed: 1), new RandomCrop(5, padding: 1, seed: 2)), new RandomCrop(4, padding: 1, seed: 3)],
        _ => throw new ArgumentOutOfRangeException(nameof(pipeline)),
    };

    [Theory]
    [MemberData(nameof(SamplePipelines))]
    public void WithASampleGenerator_TheStagesDrawFromItInTurn_AsIfAppliedOneByOne(string pipeline)
    {
        var compose = new Compose(Stages(pipeline));
        var oneByOne = Stages(pipeline);
        var input = TestData.Sequence(2, 4, 4);

        for (int index = 0; index < 100; index++)
        {
            var forCompose = new SampleRandom(5, 1, index);
            var forStages = new SampleRandom(5, 1, index);
            var expected = input;
            foreach (var stage in oneByOne)
            {
                expected = stage.Apply(expected, ref forStages);
            }

            var got = compose.Apply(input, ref forCompose);

            Assert.Equal(expected.Shape, got.Shape);
            TestData.AssertValues(expected.Values, got.Values);
            Assert.Equal(forStages.NextDouble(), forCompose.NextDouble());
            if (compose.CanFuse)
            {
                var forSpan = new SampleRandom(5, 1, index);
                var span = new float[expected.Length];
                compose.Apply(input.Values, [2, 4, 4], span, ref forSpan);
                TestData.AssertValues(expected.Values, span);
            }
        }
    }
}
