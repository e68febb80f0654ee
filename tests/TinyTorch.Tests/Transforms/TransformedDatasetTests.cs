using TinyTorch.Data;
using TinyTorch.Tests.TestDoubles;
using TinyTorch.Transforms;

namespace TinyTorch.Tests.Transforms;

public class TransformedDatasetTests
{
    /// <summary>Images [n, 3, 6, 6] with distinct values and labels [n] = i.</summary>
    private static TensorDataset Images(int n) => TestData.Indexed(n, 3, 6, 6);

    private static Compose FlipAndCrop(int seed) =>
        new(new RandomHorizontalFlip(0.5, seed: seed), new RandomCrop(6, padding: 2, seed: seed + 1));

    [Fact]
    public void Properties_DescribeTheWrapping()
    {
        var inner = Images(4);
        var transform = new RandomHorizontalFlip(seed: 0);

        var data = new TransformedDataset(inner, transform, position: 0);

        Assert.Same(inner, data.Inner);
        Assert.Same(transform, data.Transform);
        Assert.Equal(0, data.Position);
        Assert.Equal(4, data.Count);
        Assert.Equal(0, new TransformedDataset(inner, transform).Position);
    }

    [Fact]
    public void Read_AppliesTheTransform_AndLeavesOtherPositionsAlone()
    {
        var inner = Images(5);
        var data = new TransformedDataset(inner, new RandomHorizontalFlip(1, seed: 0));

        for (int i = -5; i < 5; i++)
        {
            var sample = data[i];
            var original = inner[i];
            Assert.Equal(2, sample.Length);
            TestData.AssertValues(NaiveImage.FlipLastAxis(original[0].ToArray(), 3, 6, 6), sample[0].Values);
            Assert.True(sample[1].ValueEquals(original[1]));
        }
    }

    [Fact]
    public void Read_CanTransformAnotherPosition()
    {
        var inner = Images(3);
        var data = new TransformedDataset(inner, new MultiplyBy(10), position: 1);

        var sample = data[2];

        Assert.Equal(20f, sample[1][Array.Empty<int>()]);
        Assert.True(sample[0].ValueEquals(inner[2][0]));
    }

    [Fact]
    public void EachRead_DrawsAgain()
    {
        var inner = Images(2);
        var data = new TransformedDataset(inner, new RandomHorizontalFlip(0.5, seed: 3));
        var original = inner[1][0].ToArray();
        var flipped = NaiveImage.FlipLastAxis(original, 3, 6, 6);

        int flips = 0, copies = 0;
        for (int i = 0; i < 40; i++)
        {
            var image = data[1][0].ToArray();
            if (image.SequenceEqual(flipped))
            {
                flips++;
            }
            else
            {
                Assert.Equal(original, image);
                copies++;
            }
        }

        Assert.True(flips > 0 && copies > 0, $"flips {flips}, copies {copies}");
    }

    [Fact]
    public void Reads_NeverChangeTheWrappedDataset()
    {
        var inner = Images(4);
        var before = inner.Tensors.Select(t => t.ToArray()).ToList();
        var data = new TransformedDataset(inner, FlipAndCrop(1));

        foreach (var sample in data)
        {
            sample[0].AsSpan().Fill(-1);
        }

        TestData.Epoch(new DataLoader(data, batchSize: 3, shuffle: true, seed: 1));
        for (int p = 0; p < before.Count; p++)
        {
            TestData.AssertValues(before[p], inner.Tensors[p].Values);
        }
    }

    /// <summary>A dataset that hands out the same cached sample array on every read.</summary>
    private sealed class CachingDataset : Dataset<Tensor[]>
    {
        public Tensor[] Cached { get; } = [new Tensor([1, 2, 3, 4], 2, 2), Tensor.Scalar(5)];

        public override int Count => 1;

        public override Tensor[] this[int index] => Cached;
    }

    [Fact]
    public void Reads_NeverReplaceTensorsInTheArrayTheWrappedDatasetReturned()
    {
        var inner = new CachingDataset();
        var image = inner.Cached[0];
        var data = new TransformedDataset(inner, new RandomHorizontalFlip(1, seed: 0));

        var first = data[0];
        var second = data[0];

        Assert.Same(image, inner.Cached[0]);
        Assert.Equal([1f, 2, 3, 4], image.ToArray());
        Assert.Equal([2f, 1, 4, 3], first[0].ToArray());
        Assert.True(second[0].ValueEquals(first[0])); // flipped once, not twice
    }

    [Fact]
    public void PositionBeyondTheSample_ThrowsOnRead_NamingThePosition()
    {
        var data = new TransformedDataset(Images(3), new MultiplyBy(2), position: 2);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => data[0]);
        Assert.Contains("position 2", ex.Message);
        Assert.False(data.CanCopyRows);
    }

    [Fact]
    public void BadArguments_Throw()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TransformedDataset(Images(1), new MultiplyBy(1), position: -1));
        Assert.Equal("position", ex.ParamName);
        Assert.Contains("-1", ex.Message);
        Assert.Equal("dataset", Assert.Throws<ArgumentNullException>(() => new TransformedDataset(null!, new MultiplyBy(1))).ParamName);
        Assert.Equal("transform", Assert.Throws<ArgumentNullException>(() => new TransformedDataset(Images(1), null!)).ParamName);
    }

    // ---- IRowSource -----------------------------------------------------------------------------------

    [Fact]
    public void CanCopyRows_OnlyForARowSourceWithASpanTransform()
    {
        Assert.True(new TransformedDataset(Images(2), new RandomHorizontalFlip(seed: 0)).CanCopyRows);
        Assert.True(new TransformedDataset(Images(2), FlipAndCrop(0)).CanCopyRows);
        Assert.True(new TransformedDataset(new TransformedDataset(Images(2), FlipAndCrop(0)), new Normalize([0f, 0f, 0f], [1f, 1f, 1f])).CanCopyRows);
        Assert.False(new TransformedDataset(Images(2), new AddConstant(1)).CanCopyRows);
        Assert.False(new TransformedDataset(Images(2), new Compose(new RandomHorizontalFlip(seed: 0), new AddConstant(1))).CanCopyRows);
        Assert.False(new TransformedDataset(new CountingDataset(2), new MultiplyBy(1)).CanCopyRows);
        Assert.False(new TransformedDataset(new CountingRowSource(2, canCopyRows: false), new MultiplyBy(1)).CanCopyRows);
    }

    [Fact]
    public void RowSourceMembers_WithoutRowCopying_ThrowNotSupported()
    {
        var data = new TransformedDataset(Images(2), new AddConstant(1));

        Assert.Throws<NotSupportedException>(() => data.Positions);
        Assert.Throws<NotSupportedException>(() => data.SampleShape(0).ToArray());
        Assert.Throws<NotSupportedException>(() => data.SampleShape(1).ToArray());
        Assert.Throws<NotSupportedException>(() => data.CopySample(0, 0, new float[108]));
        Assert.Throws<NotSupportedException>(() => data.CopySample(0, 1, new float[1]));
    }

    [Fact]
    public void SampleShape_ReportsTheTransformedShape()
    {
        var data = new TransformedDataset(Images(2), new RandomCrop(4, 3, 1, new Random(0)));

        Assert.Equal(2, data.Positions);
        Assert.Equal([3, 4, 3], data.SampleShape(0).ToArray());
        Assert.Empty(data.SampleShape(1).ToArray());
    }

    [Fact]
    public void CopySample_EqualsTheIndexer_ForTheSameSeeds()
    {
        var inner = Images(6);
        var viaIndexer = new TransformedDataset(inner, FlipAndCrop(5));
        var viaRows = new TransformedDataset(inner, FlipAndCrop(5));

        for (int round = 0; round < 5; round++)
        {
            for (int i = -6; i < 6; i++)
            {
                var expected = viaIndexer[i];
                var image = new float[108];
                var label = new float[1];
                viaRows.CopySample(i, 0, image);
                viaRows.CopySample(i, 1, label);
                TestData.AssertValues(expected[0].Values, image);
                TestData.AssertValues(expected[1].Values, label);
            }
        }
    }

    // ---- with the sample's generator (what the loader calls) -------------------------------------------

    [Fact]
    public void Read_TransformsWithTheSampleGenerator_ExactlyAsTheTransformAppliedToTheInnerSample()
    {
        var inner = Images(6);
        var data = new TransformedDataset(inner, FlipAndCrop(1));
        var byHand = FlipAndCrop(99); // other own seeds: only the sample generator matters

        for (int i = 0; i < 6; i++)
        {
            var random = new SampleRandom(4, 3, i);
            var expectedRandom = random;
            var expected = byHand.Apply(inner[i][0], ref expectedRandom);

            var sample = data.Read(i, random);

            TestData.AssertValues(expected.Values, sample[0].Values);
            Assert.True(sample[1].ValueEquals(inner[i][1]));
        }
    }

    [Fact]
    public void Read_AndCopySample_WithTheSameGenerator_AgreeAtEveryPosition_AndLeaveTheOwnStreamAlone()
    {
        var inner = Images(6);
        var data = new TransformedDataset(inner, FlipAndCrop(5));
        var fresh = new TransformedDataset(inner, FlipAndCrop(5));

        for (int round = 0; round < 3; round++)
        {
            for (int i = -6; i < 6; i++)
            {
                var random = new SampleRandom(round, 0, i);
                var expected = data.Read(i, random);
                var image = new float[108];
                var label = new float[1];
                data.CopySample(i, 0, image, random);
                data.CopySample(i, 1, label, random);
                TestData.AssertValues(expected[0].Values, image);
                TestData.AssertValues(expected[1].Values, label);
            }
        }

        for (int i = 0; i < 6; i++)
        {
            Assert.True(fresh[i][0].ValueEquals(data[i][0]));
        }
    }

    [Fact]
    public void WrapperOfAWrapper_TheInnerLayerDrawsFromFork1_TheOuterFromTheGeneratorItself()
    {
        var images = Images(5);
        var flip = new RandomHorizontalFlip(0.5, seed: 1);
        var crop = new RandomCrop(6, padding: 2, seed: 2);
        var data = new TransformedDataset(new TransformedDataset(images, flip), crop);

        for (int i = 0; i < 5; i++)
        {
            var random = new SampleRandom(7, 1, i);
            var forInner = random.Fork(1);
            var forOuter = random;
            var expected = crop.Apply(flip.Apply(images[i][0], ref forInner), ref forOuter);

            var plain = data.Read(i, random);
            var fused = new float[108];
            data.CopySample(i, 0, fused, random);

            TestData.AssertValues(expected.Values, plain[0].Values);
            TestData.AssertValues(expected.Values, fused);
        }
    }

    [Fact]
    public void LayersTransformingDifferentPositions_GiveTheSameSample_WhicheverOrderThePositionsAreRead()
    {
        // The inner layer augments position 1, the outer position 0. The plain path reads the inner layer
        // first; the fused path copies position 0 (outer draw) before position 1 (inner draw). Each layer
        // has its own stream, so the order of the reads cannot matter.
        var first = TestData.Indexed(4, 2, 5, 5);
        var second = TestData.Indexed(4, 2, 5, 5);
        var images = new TensorDataset(first.Tensors[0], second.Tensors[0], first.Tensors[1]);
        var data = new TransformedDataset(
            new TransformedDataset(images, new RandomCrop(5, padding: 2, seed: 1), position: 1),
            new RandomCrop(5, padding: 2, seed: 2),
            position: 0);

        Assert.True(data.CanCopyRows);
        for (int i = 0; i < 4; i++)
        {
            var random = new SampleRandom(3, 0, i);
            var plain = data.Read(i, random);
            for (int p = 0; p < 3; p++)
            {
                var fused = new float[plain[p].Length];
                data.CopySample(i, p, fused, random);
                TestData.AssertValues(plain[p].Values, fused);
            }
        }
    }

    [Fact]
    public void Read_OverAPlainInnerDataset_UsesItsIndexer()
    {
        var inner = new CountingDataset(4, features: 3);
        var data = new TransformedDataset(inner, new MultiplyBy(2));

        var sample = data.Read(2, new SampleRandom(0, 0, 2));

        Assert.Equal(1, inner.Reads);
        TestData.AssertValues(TestData.ExpectedFeatures([2], 3).Select(v => v * 2).ToArray(), sample[0].Values);
    }

    // ---- through the loader ----------------------------------------------------------------------------

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    [InlineData(true, 4)]
    public void Loader_FusedPath_YieldsExactlyThePlainPathsBatches(bool dropLast, int workers)
    {
        // Every sample draws from its own generator, so both paths see the same draws with any number of
        // workers, and the transforms' own seeds (different here) play no part.
        var images = Images(23);
        var fused = new TransformedDataset(images, FlipAndCrop(11));
        var plain = new TransformedDataset(images, FlipAndCrop(12));
        var fusedLoader = new DataLoader(fused, batchSize: 5, shuffle: true, dropLast: dropLast, seed: 4, numWorkers: workers);
        var plainLoader = new DataLoader(plain, batchSize: 5, shuffle: true, dropLast: dropLast, seed: 4, collate: Collate.Stack);

        Assert.True(fused.CanCopyRows);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var a = TestData.Epoch(fusedLoader);
            var b = plainLoader.ToList();
            Assert.Equal(b.Count, a.Count);
            for (int i = 0; i < a.Count; i++)
            {
                Assert.Equal([b[i].SampleCount, 3, 6, 6], a[i][0].Shape);
                TestData.AssertSameBatch(b[i], a[i]);
            }
        }
    }

    [Fact]
    public void Loader_UsesTheFusedPath_OverARowSource_AndTheIndexerOtherwise()
    {
        var rows = new CountingRowSource(12, features: 4);
        var fusedLoader = new DataLoader(new TransformedDataset(rows, new MultiplyBy(2)), batchSize: 4);
        var plainLoader = new DataLoader(new TransformedDataset(rows, new MultiplyBy(2)), batchSize: 4, collate: Collate.Stack);

        var a = TestData.Epoch(fusedLoader);
        Assert.Equal(12, rows.SampleCopies);
        Assert.Equal(0, rows.IndexerReads);
        var b = TestData.Epoch(plainLoader);
        Assert.Equal(12, rows.IndexerReads);
        Assert.Equal(12, rows.SampleCopies);

        for (int i = 0; i < a.Count; i++)
        {
            TestData.AssertSameBatch(b[i], a[i]);
            var indices = TestData.Labels(a[i]);
            var expected = TestData.ExpectedFeatures(indices, 4).Select(v => v * 2).ToArray();
            TestData.AssertValues(expected, a[i][0].Values);
        }
    }

    [Fact]
    public void Loader_LazyThroughTheFusedPath()
    {
        var rows = new CountingRowSource(100, features: 2);
        var loader = new DataLoader(new TransformedDataset(rows, new MultiplyBy(1)), batchSize: 10);

        using var e = loader.GetEnumerator();
        Assert.Equal(0, rows.Reads);
        Assert.True(e.MoveNext());
        Assert.Equal(10, rows.Reads);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Loader_ATransformThatThrows_SurfacesAsSampleLoadException(bool rowSource)
    {
        var failure = new InvalidOperationException("augmentation failed");
        Dataset<Tensor[]> inner = rowSource ? Images(6) : new CountingDataset(6);
        var loader = new DataLoader(new TransformedDataset(inner, new Throws(failure)), batchSize: 2);

        var ex = Assert.Throws<SampleLoadException>(() => loader.First());

        Assert.Equal(0, ex.SampleIndex);
        Assert.Same(failure, ex.InnerException);
    }

    [Fact]
    public void Loader_ATransformRejectingTheShape_FailsTheSameWayOnBothPaths()
    {
        var images = Images(4);
        var fused = new DataLoader(new TransformedDataset(images, new RandomCrop(20, padding: 0, seed: 0)), batchSize: 2);
        var plain = new DataLoader(new TransformedDataset(images, new RandomCrop(20, padding: 0, seed: 0)), batchSize: 2, collate: Collate.Stack);

        var a = Record.Exception(() => fused.First());
        var b = Record.Exception(() => plain.First());

        Assert.IsType<SampleLoadException>(b);
        Assert.IsType<SampleLoadException>(a);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Loader_EachAugmentedSample_IsTheTransformAppliedWithSampleRandomOfSeedEpochAndIndex(int workers)
    {
        // The loader's documented contract, checked through the public API only.
        var images = Images(10);
        var augment = FlipAndCrop(0);
        var loader = new DataLoader(new TransformedDataset(images, FlipAndCrop(1)), batchSize: 4, shuffle: true, seed: 17, numWorkers: workers);

        for (int epoch = 0; epoch < 3; epoch++)
        {
            foreach (var batch in TestData.Epoch(loader))
            {
                var indices = TestData.Labels(batch);
                for (int s = 0; s < indices.Length; s++)
                {
                    var random = new SampleRandom(17, epoch, indices[s]);
                    var expected = augment.Apply(images[indices[s]][0], ref random);
                    TestData.AssertValues(expected.Values, batch[0].Row(s).Values);
                }
            }
        }
    }
}
