using TinyTorch.Data;
using TinyTorch.Tests.TestDoubles;

namespace TinyTorch.Tests.Data;

/// <summary>
/// NumWorkers and PrefetchFactor: order, errors, stopping and bounded memory. No assertion depends on
/// timing; waits are bounded polls, and the assertions are on read counts.
/// </summary>
public class PrefetchingTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Batches_ArriveInTheSameOrder_With0To3Workers(bool shuffle, bool dropLast)
    {
        var data = TestData.Indexed(53, 2, 2);
        var reference = TestData.Epoch(new DataLoader(data, batchSize: 4, shuffle: shuffle, dropLast: dropLast, seed: 21));

        for (int workers = 1; workers <= 3; workers++)
        {
            for (int prefetch = 1; prefetch <= 3; prefetch++)
            {
                var loader = new DataLoader(data, batchSize: 4, shuffle: shuffle, dropLast: dropLast, seed: 21, numWorkers: workers, prefetchFactor: prefetch);
                var got = TestData.Epoch(loader);
                Assert.Equal(reference.Count, got.Count);
                for (int i = 0; i < got.Count; i++)
                {
                    TestData.AssertSameBatch(reference[i], got[i]);
                }
            }
        }
    }

    [Fact]
    public void Batches_ArriveInTheSameOrder_OverSeveralEpochs_ThroughTheIndexer()
    {
        var data = new CountingDataset(41, features: 3);
        var zero = new DataLoader(data, batchSize: 5, shuffle: true, seed: 8);
        var three = new DataLoader(data, batchSize: 5, shuffle: true, seed: 8, numWorkers: 3);

        for (int epoch = 0; epoch < 3; epoch++)
        {
            var a = TestData.Epoch(zero);
            var b = TestData.Epoch(three);
            Assert.Equal(a.Count, b.Count);
            for (int i = 0; i < a.Count; i++)
            {
                TestData.AssertSameBatch(a[i], b[i]);
            }
        }
    }

    [Fact]
    public void MoreWorkersThanBatches_AndEmptyDatasets_Work()
    {
        var few = TestData.Epoch(new DataLoader(TestData.Indexed(3, 1), batchSize: 2, numWorkers: 8));
        var none = TestData.Epoch(new DataLoader(TestData.Indexed(0, 1), batchSize: 2, numWorkers: 2));

        Assert.Equal([[0, 1], [2]], few.Select(TestData.Labels));
        Assert.Empty(none);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FailingSample_SurfacesAsSampleLoadException_OnTheConsumer_WithTwoWorkers(bool rowSource)
    {
        var failure = new FormatException("corrupt record");
        Dataset<Tensor[]> data = rowSource
            ? new CountingRowSource(40) { FailAt = 13, Failure = failure }
            : new CountingDataset(40) { FailAt = 13, Failure = failure };
        var loader = new DataLoader(data, batchSize: 4, numWorkers: 2);

        var delivered = new List<int[]>();
        var ex = Assert.Throws<SampleLoadException>(() =>
        {
            foreach (var batch in loader)
            {
                using (batch)
                {
                    delivered.Add(TestData.Labels(batch));
                }
            }
        });

        Assert.Equal(13, ex.SampleIndex);
        Assert.Equal(3, ex.BatchIndex);
        Assert.Same(failure, ex.InnerException);
        // Every batch before the failing one arrived, intact and in order.
        Assert.Equal([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]], delivered);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BreakingOutOfForeach_StopsTheWorkers(bool rowSource)
    {
        const int batchSize = 4, workers = 2, prefetch = 2, consumed = 3;
        var counting = rowSource ? null : new CountingDataset(4000);
        var rows = rowSource ? new CountingRowSource(4000) : null;
        Dataset<Tensor[]> data = (Dataset<Tensor[]>?)counting ?? rows!;
        Func<long> reads = () => counting?.Reads ?? rows!.Reads;
        var loader = new DataLoader(data, batchSize, numWorkers: workers, prefetchFactor: prefetch);

        int taken = 0;
        foreach (var batch in loader)
        {
            batch.Dispose();
            if (++taken == consumed)
            {
                break;
            }
        }

        long atBreak = reads();
        long later = TestData.WaitUntilStable(reads, Quiet, Generous);

        Assert.Equal(atBreak, later);
        Assert.InRange(later, consumed * batchSize, (consumed + workers * (prefetch + 1)) * batchSize);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 1)]
    public void MemoryInFlight_IsBounded_WhileTheConsumerStallsOnBatchZero(int workers, int prefetch)
    {
        const int batchSize = 5;
        var data = new CountingDataset(5000);
        var loader = new DataLoader(data, batchSize, numWorkers: workers, prefetchFactor: prefetch);
        long bound = (1 + workers * (prefetch + 1)) * batchSize;

        using (var e = loader.GetEnumerator())
        {
            Assert.True(e.MoveNext()); // the consumer holds batch 0 and stalls
            // Wait (boundedly) for the workers to fill their queues, then for the count to settle.
            TestData.WaitFor(() => data.Reads >= bound, Generous);
            long settled = TestData.WaitUntilStable(() => data.Reads, Quiet, Generous);

            Assert.InRange(settled, batchSize + 1, bound); // workers did load ahead, but only so far
            Assert.True(data.Reads <= bound);
        }

        Assert.True(data.Reads <= bound);
    }

    [Fact]
    public void WorkersReadEachSampleOnce_AndOnlyTheEpochsSamples()
    {
        var data = new CountingRowSource(100);
        var loader = new DataLoader(data, batchSize: 7, dropLast: true, numWorkers: 3);

        var labels = TestData.Epoch(loader).SelectMany(TestData.Labels).ToArray();

        Assert.Equal(Enumerable.Range(0, 98), labels);
        Assert.Equal(98, data.SampleCopies);
    }

    [Fact]
    public void Enumerator_CurrentBeforeMoveNext_Reset_AndMoveNextAfterDispose()
    {
        var loader = new DataLoader(TestData.Indexed(10, 1), batchSize: 2, numWorkers: 2);
        var e = loader.GetEnumerator();

        Assert.Throws<InvalidOperationException>(() => e.Current);
        Assert.Throws<NotSupportedException>(() => e.Reset());
        Assert.True(e.MoveNext());
        Assert.Equal([0, 1], TestData.Labels(e.Current));
        e.Dispose();
        e.Dispose();
        Assert.Throws<ObjectDisposedException>(() => e.MoveNext());
    }

    [Fact]
    public void Enumerator_AfterTheLastBatch_MoveNextIsFalse()
    {
        using var e = new DataLoader(TestData.Indexed(3, 1), batchSize: 2, numWorkers: 1).GetEnumerator();

        Assert.True(e.MoveNext());
        e.Current.Dispose();
        Assert.True(e.MoveNext());
        Assert.False(e.MoveNext());
        Assert.False(e.MoveNext());
    }
}
