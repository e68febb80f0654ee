using System.Collections;
using TinyTorch.Data;
using TinyTorch.Data.Sampling;
using TinyTorch.Tests.TestDoubles;

namespace TinyTorch.Tests.Data;

public class DataLoaderTests
{
    private static int NaiveBatchCount(int n, int b, bool dropLast)
    {
        int full = 0, rest = n;
        while (rest >= b)
        {
            full++;
            rest -= b;
        }

        return dropLast || rest == 0 ? full : full + 1;
    }

    /// <summary>The reference batch for the given indices: Collate.Stack over dataset[i], unpooled.</summary>
    private static Batch Reference(Dataset<Tensor[]> dataset, IEnumerable<int> indices) =>
        Collate.Stack(indices.Select(i => dataset[i]).ToList());

    // ---- settings ----------------------------------------------------------------------------------

    [Fact]
    public void Constructor_KeepsEverySetting()
    {
        var data = TestData.Indexed(10, 2);

        var loader = new DataLoader(data, batchSize: 3, shuffle: true, dropLast: true, seed: 17, numWorkers: 2, prefetchFactor: 5);

        Assert.Same(data, loader.Dataset);
        Assert.Equal(3, loader.BatchSize);
        Assert.True(loader.Shuffle);
        Assert.True(loader.DropLast);
        Assert.Equal(17, loader.Seed);
        Assert.Equal(2, loader.NumWorkers);
        Assert.Equal(5, loader.PrefetchFactor);
        Assert.Equal(0, loader.Epoch);
    }

    [Fact]
    public void Defaults_AreNoShuffleNoDropNoWorkersPrefetchTwo()
    {
        var loader = new DataLoader(TestData.Indexed(10, 2), batchSize: 4);

        Assert.False(loader.Shuffle);
        Assert.False(loader.DropLast);
        Assert.Equal(0, loader.NumWorkers);
        Assert.Equal(2, loader.PrefetchFactor);
    }

    [Fact]
    public void Seed_DrawnAtRandom_ReproducesTheRunWhenReused()
    {
        var data = TestData.Indexed(30, 2);
        var first = new DataLoader(data, batchSize: 4, shuffle: true);

        var again = new DataLoader(data, batchSize: 4, shuffle: true, seed: first.Seed);

        for (int epoch = 0; epoch < 2; epoch++)
        {
            var a = TestData.Epoch(first);
            var b = TestData.Epoch(again);
            Assert.Equal(a.Count, b.Count);
            for (int i = 0; i < a.Count; i++)
            {
                TestData.AssertSameBatch(a[i], b[i]);
            }
        }
    }

    [Theory]
    [InlineData(10, 3, false)]
    [InlineData(10, 3, true)]
    [InlineData(9, 3, false)]
    [InlineData(9, 3, true)]
    [InlineData(2, 5, false)]
    [InlineData(2, 5, true)]
    [InlineData(0, 4, false)]
    [InlineData(1, 1, true)]
    public void Count_IsTheNumberOfBatches_AndMatchesWhatAnEpochYields(int n, int b, bool dropLast)
    {
        var loader = new DataLoader(TestData.Indexed(n, 2), batchSize: b, dropLast: dropLast);

        var batches = TestData.Epoch(loader);

        Assert.Equal(NaiveBatchCount(n, b, dropLast), loader.Count);
        Assert.Equal(loader.Count, batches.Count);
    }

    [Fact]
    public void Batches_HaveBatchSizeSamples_ExceptASmallerLastOne()
    {
        var sizes = TestData.Epoch(new DataLoader(TestData.Indexed(10, 2), batchSize: 4)).Select(b => b.SampleCount);
        var dropped = TestData.Epoch(new DataLoader(TestData.Indexed(10, 2), batchSize: 4, dropLast: true)).Select(b => b.SampleCount);

        Assert.Equal([4, 4, 2], sizes);
        Assert.Equal([4, 4], dropped);
    }

    // ---- order and collation -------------------------------------------------------------------------

    [Fact]
    public void WithoutShuffle_BatchesAreTheDatasetInOrder_StackedPerPosition()
    {
        var data = TestData.Indexed(7, 2, 3);
        var loader = new DataLoader(data, batchSize: 3);

        var batches = TestData.Epoch(loader);

        Assert.Equal(3, batches.Count);
        int next = 0;
        foreach (var batch in batches)
        {
            int b = batch.SampleCount;
            var indices = Enumerable.Range(next, b).ToArray();
            Assert.Equal([b, 2, 3], batch[0].Shape);
            Assert.Equal([b], batch[1].Shape);
            TestData.AssertValues(TestData.ExpectedFeatures(indices, 6), batch[0].Values);
            Assert.Equal(indices, TestData.Labels(batch));
            next += b;
        }

        Assert.Equal(7, next);
    }

    [Fact]
    public void EmptyDataset_YieldsNoBatches()
    {
        var loader = new DataLoader(new TensorDataset(Tensor.Zeros(0, 3)), batchSize: 4, shuffle: true, seed: 1);

        Assert.Equal(0, loader.Count);
        Assert.Empty(TestData.Epoch(loader));
    }

    [Fact]
    public void Shuffle_VisitsEveryIndexExactlyOncePerEpoch_AndKeepsFeaturesWithTheirLabels()
    {
        var loader = new DataLoader(TestData.Indexed(50, 4), batchSize: 8, shuffle: true, seed: 3);

        for (int epoch = 0; epoch < 3; epoch++)
        {
            var seen = new List<int>();
            foreach (var batch in loader)
            {
                using (batch)
                {
                    var labels = TestData.Labels(batch);
                    TestData.AssertValues(TestData.ExpectedFeatures(labels, 4), batch[0].Values);
                    seen.AddRange(labels);
                }
            }

            Assert.Equal(Enumerable.Range(0, 50), seen.Order());
        }
    }

    [Fact]
    public void Shuffle_EachEpochIsAFreshPermutation()
    {
        var loader = new DataLoader(TestData.Indexed(40, 1), batchSize: 40, shuffle: true, seed: 5);

        var orders = Enumerable.Range(0, 5).Select(_ => string.Join(",", TestData.Labels(TestData.Epoch(loader).Single()))).ToList();

        Assert.Equal(5, orders.Distinct().Count());
        Assert.DoesNotContain(string.Join(",", Enumerable.Range(0, 40)), orders);
    }

    [Fact]
    public void Shuffle_SameSeedGivesTheSameEpochs_DifferentSeedsDiffer()
    {
        var data = TestData.Indexed(40, 1);
        var a = new DataLoader(data, batchSize: 40, shuffle: true, seed: 11);
        var b = new DataLoader(data, batchSize: 40, shuffle: true, seed: 11);
        var c = new DataLoader(data, batchSize: 40, shuffle: true, seed: 12);

        for (int epoch = 0; epoch < 3; epoch++)
        {
            var la = TestData.Labels(TestData.Epoch(a).Single());
            var lb = TestData.Labels(TestData.Epoch(b).Single());
            var lc = TestData.Labels(TestData.Epoch(c).Single());
            Assert.Equal(la, lb);
            Assert.NotEqual(la, lc);
        }
    }

    [Fact]
    public void Shuffle_PermutesIndicesNeverTheData()
    {
        var data = TestData.Indexed(30, 3);
        var before = data.Tensors.Select(t => t.ToArray()).ToList();

        TestData.Epoch(new DataLoader(data, batchSize: 7, shuffle: true, seed: 1));
        TestData.Epoch(new DataLoader(data, batchSize: 7, shuffle: true, seed: 1, collate: Collate.Stack));
        TestData.Epoch(new DataLoader(data, batchSize: 7, shuffle: true, seed: 1, numWorkers: 2));
        foreach (var batch in new DataLoader(data, batchSize: 7, shuffle: true, seed: 2))
        {
            batch[0].AsSpan().Fill(-1); // writing into a batch must not reach the dataset either
            batch.Dispose();
        }

        for (int p = 0; p < before.Count; p++)
        {
            TestData.AssertValues(before[p], data.Tensors[p].Values);
        }
    }

    [Fact]
    public void Epoch_CountsEnumerations()
    {
        var loader = new DataLoader(TestData.Indexed(4, 1), batchSize: 2);

        Assert.Equal(0, loader.Epoch);
        TestData.Epoch(loader);
        Assert.Equal(1, loader.Epoch);
        using (loader.GetEnumerator())
        {
            Assert.Equal(2, loader.Epoch);
        }
    }

    [Fact]
    public void NonGenericEnumeration_YieldsBatches()
    {
        int batches = 0;
        foreach (object o in (IEnumerable)new DataLoader(TestData.Indexed(5, 1), batchSize: 2))
        {
            Assert.IsType<Batch>(o);
            batches++;
        }

        Assert.Equal(3, batches);
    }

    [Fact]
    public void Enumerator_Reset_IsNotSupported()
    {
        using var e = new DataLoader(TestData.Indexed(4, 1), batchSize: 2).GetEnumerator();

        Assert.Throws<NotSupportedException>(() => e.Reset());
    }

    // ---- laziness -----------------------------------------------------------------------------------

    [Fact]
    public void Iteration_IsLazy_ThroughTheIndexer()
    {
        var data = new CountingDataset(100);
        var loader = new DataLoader(data, batchSize: 8, shuffle: true, seed: 1);

        using var e = loader.GetEnumerator();
        Assert.Equal(0, data.Reads);
        for (int k = 1; k <= 4; k++)
        {
            Assert.True(e.MoveNext());
            Assert.Equal(8 * k, data.Reads);
        }
    }

    [Fact]
    public void Iteration_IsLazy_ThroughTheRowSourcePath()
    {
        var data = new CountingRowSource(100);
        var loader = new DataLoader(data, batchSize: 8);

        using var e = loader.GetEnumerator();
        Assert.Equal(0, data.Reads);
        for (int k = 1; k <= 4; k++)
        {
            Assert.True(e.MoveNext());
            Assert.Equal(8 * k, data.SampleCopies);
            Assert.Equal(0, data.IndexerReads);
        }
    }

    // ---- collate and paths ---------------------------------------------------------------------------

    [Fact]
    public void CustomCollate_ReceivesTheBatchSamplesInOrder_AndItsBatchIsReturned()
    {
        var data = TestData.Indexed(5, 2);
        var made = new List<Batch>();
        var loader = new DataLoader(data, batchSize: 2, collate: samples =>
        {
            Assert.Equal(made.Count == 2 ? 1 : 2, samples.Count);
            var labels = samples.Select(s => s[1][Array.Empty<int>()]).ToArray();
            Assert.Equal(Enumerable.Range(made.Count * 2, samples.Count).Select(i => (float)i), labels);
            var batch = new Batch(Tensor.Scalar(samples.Count));
            made.Add(batch);
            return batch;
        });

        var got = loader.ToList();

        Assert.Equal(3, got.Count);
        for (int i = 0; i < 3; i++)
        {
            Assert.Same(made[i], got[i]);
        }
    }

    [Fact]
    public void CustomCollate_ReturningNull_ThrowsInvalidOperation_NamingTheBatch()
    {
        var loader = new DataLoader(TestData.Indexed(5, 2), batchSize: 2, collate: _ => null!);

        var ex = Assert.Throws<InvalidOperationException>(() => loader.First());
        Assert.Contains("batch 0", ex.Message);
        Assert.Contains("null", ex.Message);
    }

    [Fact]
    public void CustomCollate_AlwaysGoesThroughTheIndexer()
    {
        var data = new CountingRowSource(10);

        var batches = TestData.Epoch(new DataLoader(data, batchSize: 4, collate: Collate.Stack));

        Assert.Equal(10, data.IndexerReads);
        Assert.Equal(0, data.SampleCopies);
        Assert.All(batches, b => Assert.False(b.IsPooled));
    }

    [Fact]
    public void RowSourceThatCannotCopyRows_FallsBackToTheIndexer()
    {
        var data = new CountingRowSource(10, canCopyRows: false);

        var batches = TestData.Epoch(new DataLoader(data, batchSize: 4));

        Assert.Equal(10, data.IndexerReads);
        Assert.Equal(0, data.SampleCopies);
        TestData.AssertValues(TestData.ExpectedFeatures([8, 9], 3), batches[2][0].Values);
    }

    [Fact]
    public void DefaultCollate_OverAPlainDataset_IsPooledAndCorrect()
    {
        var data = new CountingDataset(10);
        var loader = new DataLoader(data, batchSize: 4);

        foreach (var batch in loader)
        {
            using (batch)
            {
                Assert.True(batch.IsPooled);
                var labels = TestData.Labels(batch);
                TestData.AssertValues(TestData.ExpectedFeatures(labels, 3), batch[0].Values);
            }
        }

        Assert.Equal(10, data.Reads);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PooledGatherPath_EqualsUnpooledIndexerPath_ForTheSameSeed(bool dropLast)
    {
        var data = TestData.Indexed(45, 2, 2);
        var pooled = new DataLoader(data, batchSize: 8, shuffle: true, dropLast: dropLast, seed: 9);
        var plain = new DataLoader(data, batchSize: 8, shuffle: true, dropLast: dropLast, seed: 9, collate: Collate.Stack);

        for (int epoch = 0; epoch < 3; epoch++)
        {
            var a = new List<Batch>();
            foreach (var batch in pooled)
            {
                Assert.True(batch.IsPooled);
                a.Add(batch.Clone());
                batch.Dispose();
            }

            var b = plain.ToList();
            Assert.Equal(b.Count, a.Count);
            for (int i = 0; i < a.Count; i++)
            {
                Assert.False(b[i].IsPooled);
                TestData.AssertSameBatch(b[i], a[i]);
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void KeptBatches_ToList_AreCorrectAndIndependent(int workers)
    {
        var data = TestData.Indexed(37, 3);
        var loader = new DataLoader(data, batchSize: 5, shuffle: true, seed: 4, numWorkers: workers);

        var kept = loader.ToList();

        Assert.Equal(8, kept.Count);
        var references = kept.Select(b => Reference(data, TestData.Labels(b))).ToList();
        for (int i = 0; i < kept.Count; i++)
        {
            TestData.AssertSameBatch(references[i], kept[i]);
        }

        // Independent storage: overwriting one kept batch leaves every other one intact.
        kept[0][0].AsSpan().Fill(float.NaN);
        kept[0][1].AsSpan().Fill(-1);
        for (int i = 1; i < kept.Count; i++)
        {
            TestData.AssertSameBatch(references[i], kept[i]);
        }

        Assert.Equal(Enumerable.Range(0, 37), references.SelectMany(TestData.Labels).Order());
    }

    [Fact]
    public void DisposingEveryBatch_RecyclesBuffers_WithoutCorruptingLaterBatches()
    {
        var data = TestData.Indexed(64, 5);
        var loader = new DataLoader(data, batchSize: 6, shuffle: true, seed: 2);

        for (int epoch = 0; epoch < 3; epoch++)
        {
            foreach (var batch in loader)
            {
                using (batch)
                {
                    using var reference = Reference(data, TestData.Labels(batch));
                    TestData.AssertSameBatch(reference, batch);
                }
            }
        }
    }

    // ---- samplers ------------------------------------------------------------------------------------

    [Fact]
    public void Sampler_DecidesTheOrder_AndTheBatchCount()
    {
        var data = TestData.Indexed(20, 1);
        var sampler = new DistributedSampler(20, numReplicas: 3, rank: 1, shuffle: true, seed: 7);
        var loader = new DataLoader(data, batchSize: 3, sampler: sampler);

        var labels = TestData.Epoch(loader).SelectMany(TestData.Labels).ToArray();

        Assert.Equal(3, loader.Count); // ceil(7 / 3)
        Assert.Equal(sampler.EpochIndices(0), labels);
    }

    [Fact]
    public void Sampler_AdvancesEpochs()
    {
        var sampler = new RandomSampler(30, seed: 3);
        var loader = new DataLoader(TestData.Indexed(30, 1), batchSize: 30, sampler: sampler);

        for (int epoch = 0; epoch < 3; epoch++)
        {
            Assert.Equal(sampler.EpochIndices(epoch), TestData.Labels(TestData.Epoch(loader).Single()));
        }
    }

    // ---- a dataset that changes, failing samples ---------------------------------------------------------

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void ChangingTheDatasetCountDuringAnEpoch_ThrowsInvalidOperation_NamingBothCounts(int workers)
    {
        var data = new MutableCountDataset(200);
        var loader = new DataLoader(data, batchSize: 5, numWorkers: workers, prefetchFactor: 1);

        using var e = loader.GetEnumerator();
        Assert.True(e.MoveNext());
        data.SetCount(150);

        var ex = Assert.Throws<InvalidOperationException>(() =>
        {
            while (e.MoveNext())
            {
                e.Current.Dispose();
            }
        });
        Assert.Contains("200", ex.Message);
        Assert.Contains("150", ex.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FailingSample_SurfacesAsSampleLoadException_WithIndexAndCause(bool rowSource)
    {
        var failure = new IOException("checksum mismatch");
        Dataset<Tensor[]> data = rowSource
            ? new CountingRowSource(20) { FailAt = 11, Failure = failure }
            : new CountingDataset(20) { FailAt = 11, Failure = failure };
        var loader = new DataLoader(data, batchSize: 4);

        using var e = loader.GetEnumerator();
        Assert.True(e.MoveNext());
        Assert.True(e.MoveNext());
        var ex = Assert.Throws<SampleLoadException>(() => e.MoveNext());

        Assert.Equal(11, ex.SampleIndex);
        Assert.Equal(2, ex.BatchIndex);
        Assert.Same(failure, ex.InnerException);
        Assert.Contains("11", ex.Message);
    }

    // ---- bad arguments -------------------------------------------------------------------------------

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(int.MinValue)]
    public void BatchSize_NotPositive_ThrowsArgumentOutOfRange_NamingTheValue(int batchSize)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(TestData.Indexed(4, 1), batchSize));

        Assert.Equal("batchSize", ex.ParamName);
        Assert.Equal(batchSize, ex.ActualValue);
        Assert.Contains(batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-7)]
    public void NumWorkers_Negative_ThrowsArgumentOutOfRange_NamingTheValue(int workers)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(TestData.Indexed(4, 1), 2, numWorkers: workers));

        Assert.Equal("numWorkers", ex.ParamName);
        Assert.Contains(workers.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void PrefetchFactor_BelowOne_ThrowsArgumentOutOfRange_NamingTheValue(int prefetch)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(TestData.Indexed(4, 1), 2, numWorkers: 1, prefetchFactor: prefetch));

        Assert.Equal("prefetchFactor", ex.ParamName);
        Assert.Contains(prefetch.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
    }

    [Fact]
    public void HugeNumWorkersOrPrefetchFactor_NeverFailsNamingAnInternalParameter()
    {
        var data = TestData.Indexed(4, 1);
        foreach (var make in new Func<DataLoader>[]
                 {
                     () => new DataLoader(data, 2, numWorkers: int.MaxValue),
                     () => new DataLoader(data, 2, numWorkers: 1, prefetchFactor: int.MaxValue),
                 })
        {
            var ex = Record.Exception(make);
            if (ex is ArgumentException argument)
            {
                Assert.Contains(argument.ParamName, new[] { "numWorkers", "prefetchFactor" });
            }
            else
            {
                Assert.Null(ex);
            }
        }
    }

    [Fact]
    public void ShuffleWithASampler_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new DataLoader(TestData.Indexed(4, 1), 2, shuffle: true, sampler: new SequentialSampler(4)));

        Assert.Equal("sampler", ex.ParamName);
        Assert.Contains("shuffle", ex.Message);
    }

    [Fact]
    public void NullDataset_ThrowsArgumentNullException()
    {
        Assert.Equal("dataset", Assert.Throws<ArgumentNullException>(() => new DataLoader(null!, 2)).ParamName);
    }
}
