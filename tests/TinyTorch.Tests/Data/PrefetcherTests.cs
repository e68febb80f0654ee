using System.Collections;
using TinyTorch.Data;
using TinyTorch.Tests.TestDoubles;

namespace TinyTorch.Tests.Data;

public class PrefetcherTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(15);

    /// <summary>A source that counts passes and items pulled, optionally endless or failing at one item.</summary>
    private sealed class CountingSource(int count, int failAt = -1, Exception? failure = null) : IEnumerable<int>
    {
        private long _pulled;
        private int _passes;

        public long Pulled => Interlocked.Read(ref _pulled);

        public int Passes => Volatile.Read(ref _passes);

        public int? ProducerThread { get; private set; }

        public IEnumerator<int> GetEnumerator()
        {
            Interlocked.Increment(ref _passes);
            ProducerThread = Environment.CurrentManagedThreadId;
            for (int i = 0; count < 0 || i < count; i++)
            {
                Interlocked.Increment(ref _pulled);
                if (i == failAt)
                {
                    throw failure!;
                }

                yield return i;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void Items_ArriveInTheSourcesOrder(int capacity)
    {
        var prefetcher = new Prefetcher<int>(new CountingSource(1000), capacity);

        Assert.Equal(Enumerable.Range(0, 1000), prefetcher.ToList());
    }

    [Fact]
    public void Capacity_IsKept_DefaultTwo()
    {
        Assert.Equal(2, new Prefetcher<int>([]).Capacity);
        Assert.Equal(5, new Prefetcher<int>([], 5).Capacity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Capacity_BelowOne_ThrowsArgumentOutOfRange_NamingTheValue(int capacity)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Prefetcher<int>([1], capacity));

        Assert.Equal("capacity", ex.ParamName);
        Assert.Contains(capacity.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
        Assert.Equal("source", Assert.Throws<ArgumentNullException>(() => new Prefetcher<int>(null!)).ParamName);
    }

    [Fact]
    public void EmptySource_YieldsNothing()
    {
        Assert.Empty(new Prefetcher<int>(new CountingSource(0)));
    }

    [Fact]
    public void Producer_RunsOnAnotherThread_AndNotBeforeEnumeration()
    {
        var source = new CountingSource(10);
        var prefetcher = new Prefetcher<int>(source);

        using (var e = prefetcher.GetEnumerator())
        {
            Assert.Equal(0, source.Passes);
            Assert.True(e.MoveNext());
            Assert.Equal(0, e.Current);
        }

        Assert.Equal(1, source.Passes);
        Assert.NotNull(source.ProducerThread);
        Assert.NotEqual(Environment.CurrentManagedThreadId, source.ProducerThread);
    }

    [Fact]
    public void EachEnumeration_IsAFreshPass()
    {
        var source = new CountingSource(5);
        var prefetcher = new Prefetcher<int>(source);

        Assert.Equal([0, 1, 2, 3, 4], prefetcher);
        Assert.Equal([0, 1, 2, 3, 4], prefetcher);
        Assert.Equal(2, source.Passes);
    }

    [Fact]
    public void NonGenericEnumeration_YieldsTheItems()
    {
        var items = new List<object>();
        foreach (object o in (IEnumerable)new Prefetcher<int>(new CountingSource(3)))
        {
            items.Add(o);
        }

        Assert.Equal([0, 1, 2], items.Cast<int>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void ItemsInFlight_AreBounded_WhileTheConsumerStalls(int capacity)
    {
        var source = new CountingSource(-1); // endless
        var prefetcher = new Prefetcher<int>(source, capacity);
        long bound = 1 + capacity + 1; // the consumed item, a full queue, one item waiting to be queued

        using (var e = prefetcher.GetEnumerator())
        {
            Assert.True(e.MoveNext());
            TestData.WaitFor(() => source.Pulled >= bound, Generous);
            long settled = TestData.WaitUntilStable(() => source.Pulled, Quiet, Generous);

            Assert.InRange(settled, 2, bound); // it ran ahead, but only so far
        }
    }

    [Fact]
    public void BreakingOut_StopsTheProducer()
    {
        const int capacity = 2, consumed = 5;
        var source = new CountingSource(-1);

        int taken = 0;
        foreach (int item in new Prefetcher<int>(source, capacity))
        {
            Assert.Equal(taken, item);
            if (++taken == consumed)
            {
                break;
            }
        }

        long atBreak = source.Pulled;
        long later = TestData.WaitUntilStable(() => source.Pulled, Quiet, Generous);

        Assert.Equal(atBreak, later);
        Assert.InRange(later, consumed, consumed + capacity + 1);
    }

    [Fact]
    public void SourceException_SurfacesInTheConsumer_WithTheOriginalAsInner()
    {
        var failure = new IOException("network down");
        var received = new List<int>();

        var ex = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (int item in new Prefetcher<int>(new CountingSource(10, failAt: 3, failure)))
            {
                received.Add(item);
            }
        });

        Assert.Equal([0, 1, 2], received);
        Assert.Same(failure, ex.InnerException);
        Assert.Contains("network down", ex.Message);
    }

    [Fact]
    public void SourcesOwnCancellation_IsReportedNotSwallowed()
    {
        var failure = new OperationCanceledException("the source gave up");

        var ex = Assert.Throws<InvalidOperationException>(() => new Prefetcher<int>(new CountingSource(10, failAt: 2, failure)).ToList());

        Assert.Same(failure, ex.InnerException);
    }

    [Fact]
    public void OverADataLoader_YieldsTheLoadersBatchesInOrder()
    {
        var data = TestData.Indexed(23, 2);
        var expected = TestData.Epoch(new DataLoader(data, batchSize: 4, shuffle: true, seed: 6));

        var got = TestData.Epoch(new Prefetcher<Batch>(new DataLoader(data, batchSize: 4, shuffle: true, seed: 6), capacity: 2));

        Assert.Equal(expected.Count, got.Count);
        for (int i = 0; i < got.Count; i++)
        {
            TestData.AssertSameBatch(expected[i], got[i]);
        }
    }
}
