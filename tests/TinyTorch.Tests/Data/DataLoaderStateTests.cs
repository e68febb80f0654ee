using System.Text.Json;
using TinyTorch.Data;
using TinyTorch.Data.Sampling;
using TinyTorch.Tests.TestDoubles;

namespace TinyTorch.Tests.Data;

/// <summary><see cref="DataLoader.GetState"/>, <see cref="DataLoader.LoadState"/> and <see cref="DataLoaderState"/>.</summary>
public class DataLoaderStateTests
{
    private static DataLoader Shuffled(int n = 10, int batchSize = 4, int workers = 0) =>
        new(TestData.Indexed(n, 2), batchSize, shuffle: true, seed: 3, numWorkers: workers);

    private static void Take(IEnumerator<Batch> e, int batches)
    {
        for (int k = 0; k < batches; k++)
        {
            Assert.True(e.MoveNext());
            e.Current.Dispose();
        }
    }

    // ---- GetState ------------------------------------------------------------------------------------

    [Fact]
    public void BeforeAnyEpoch_TheStateIsEpoch0Batch0_WithTheLoadersSettings()
    {
        var state = new DataLoader(TestData.Indexed(10, 2), 4, shuffle: true, dropLast: true, seed: 3).GetState();

        Assert.Equal(new DataLoaderState(Epoch: 0, NextBatch: 0, Seed: 3, DatasetCount: 10, BatchSize: 4, DropLast: true,
            ShuffleSeed: 3, NumReplicas: 1, Rank: 0, SamplesPerEpoch: 10), state);
    }

    [Fact]
    public void TheStateDescribesTheOrder_ShuffleSeedReplicasRankAndShardSize()
    {
        var data = TestData.Indexed(10, 2);

        Assert.Null(new DataLoader(data, 4, seed: 3).GetState().ShuffleSeed);
        Assert.Equal(9, new DataLoader(data, 4, seed: 3, sampler: new RandomSampler(10, 9)).GetState().ShuffleSeed);
        Assert.Null(new DataLoader(data, 4, seed: 3, sampler: new SequentialSampler(10)).GetState().ShuffleSeed);
        Assert.Null(new DataLoader(data, 4, seed: 3, sampler: new DistributedSampler(10, 3, 1, shuffle: false)).GetState().ShuffleSeed);
        var distributed = new DataLoader(data, 4, seed: 3, sampler: new DistributedSampler(10, 3, 1, seed: 5)).GetState();
        Assert.Equal((5, 3, 1, 4, 10), (distributed.ShuffleSeed, distributed.NumReplicas, distributed.Rank, distributed.SamplesPerEpoch, distributed.DatasetCount));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void DuringAnEpoch_NextBatchCountsTheBatchesHandedOver_AndAfterTheLastItIsTheNextEpochsFirst(int workers)
    {
        var loader = Shuffled(workers: workers); // 3 batches per epoch

        using (var e = loader.GetEnumerator())
        {
            Assert.Equal((0, 0), (loader.GetState().Epoch, loader.GetState().NextBatch));
            Take(e, 2);
            Assert.Equal((0, 2), (loader.GetState().Epoch, loader.GetState().NextBatch));
            Take(e, 1);
            Assert.Equal((1, 0), (loader.GetState().Epoch, loader.GetState().NextBatch));
            Assert.False(e.MoveNext());
            Assert.Equal((1, 0), (loader.GetState().Epoch, loader.GetState().NextBatch));
        }

        using (var e = loader.GetEnumerator())
        {
            Take(e, 1);
        }

        // An abandoned epoch stays where its consumer left it.
        Assert.Equal((1, 1), (loader.GetState().Epoch, loader.GetState().NextBatch));
    }

    [Fact]
    public void BatchesPrefetchedButNotHandedOver_AreNotCounted()
    {
        var rows = new CountingRowSource(100, features: 2);
        var loader = new DataLoader(rows, batchSize: 4, numWorkers: 2, prefetchFactor: 3);

        using var e = loader.GetEnumerator();
        Take(e, 1);
        long reads = TestData.WaitUntilStable(() => rows.Reads, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(15));

        Assert.True(reads > 4, $"the workers should have prefetched more than one batch; read {reads} samples");
        Assert.Equal(1, loader.GetState().NextBatch);
    }

    [Fact]
    public void TheState_RoundTripsThroughJson()
    {
        var loader = new DataLoader(TestData.Indexed(10, 2), 2, seed: 3, sampler: new DistributedSampler(10, 3, 2, seed: 5)); // 2 batches
        using (var e = loader.GetEnumerator())
        {
            Take(e, 1);
        }

        var state = loader.GetState();
        string json = JsonSerializer.Serialize(state);
        var back = JsonSerializer.Deserialize<DataLoaderState>(json);

        Assert.Equal(state, back);
        Assert.Contains("\"NextBatch\":1", json);
        Assert.Contains("\"ShuffleSeed\":5", json);
        Assert.Equal(state.GetHashCode(), back!.GetHashCode());
        Assert.Contains("NextBatch = 1", state.ToString());
        var (epoch, next, seed, count, batchSize, dropLast, shuffleSeed, replicas, rank, perEpoch) = state;
        Assert.Equal((0, 1, 3, 10, 2, false, 5, 3, 2, 4), (epoch, next, seed, count, batchSize, dropLast, shuffleSeed, replicas, rank, perEpoch));
    }

    // ---- LoadState -----------------------------------------------------------------------------------

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void LoadState_ContinuesTheEpochAtItsBatch_ThenTheEpochsAfterIt(int workers)
    {
        var reference = Shuffled();
        var epochs = Enumerable.Range(0, 4).Select(_ => TestData.Epoch(reference)).ToList();
        var loader = Shuffled(workers: workers);

        loader.LoadState(reference.GetState() with { Epoch = 2, NextBatch = 1 });

        Assert.Equal(2, loader.Epoch);
        Assert.Equal((2, 1), (loader.GetState().Epoch, loader.GetState().NextBatch));
        var rest = TestData.Epoch(loader);
        Assert.Equal(2, rest.Count);
        TestData.AssertSameBatch(epochs[2][1], rest[0]);
        TestData.AssertSameBatch(epochs[2][2], rest[1]);
        Assert.Equal(3, loader.Count); // Count stays the full epoch's
        var next = TestData.Epoch(loader);
        Assert.Equal(3, next.Count);
        for (int k = 0; k < 3; k++)
        {
            TestData.AssertSameBatch(epochs[3][k], next[k]);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void AfterLoadState_AFailingSample_NamesTheEpochsBatchNumber(int workers)
    {
        var rows = new CountingRowSource(20, features: 2) { FailAt = 14 };
        var loader = new DataLoader(rows, batchSize: 4, numWorkers: workers);

        loader.LoadState(loader.GetState() with { NextBatch = 2 });
        var ex = Assert.Throws<SampleLoadException>(() => TestData.Epoch(loader));

        Assert.Equal(14, ex.SampleIndex);
        Assert.Equal(3, ex.BatchIndex);
        Assert.True(rows.Reads <= 12, $"read {rows.Reads} samples; batches 0 and 1 must be skipped");
    }

    [Fact]
    public void LoadState_OfAnEmptyEpoch_AcceptsOnlyBatch0()
    {
        var loader = new DataLoader(TestData.Indexed(3, 2), batchSize: 4, dropLast: true, seed: 1);
        var state = loader.GetState();

        loader.LoadState(state with { Epoch = 5 });
        Assert.Empty(TestData.Epoch(loader));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => loader.LoadState(state with { NextBatch = 1 }));
        Assert.Equal(1, ex.ActualValue);
    }

    [Fact]
    public void LoadState_Null_ThrowsArgumentNull()
    {
        Assert.Equal("state", Assert.Throws<ArgumentNullException>(() => Shuffled().LoadState(null!)).ParamName);
    }

    [Theory]
    [InlineData(-1, 0, "state.Epoch must be 0 or more, but was -1")]
    [InlineData(0, -2, "state.NextBatch must be 0 or more, but was -2")]
    [InlineData(int.MinValue, 0, "but was -2147483648")]
    public void LoadState_NegativeEpochOrBatch_ThrowsArgumentOutOfRange_NamingTheValue(int epoch, int nextBatch, string message)
    {
        var loader = Shuffled();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => loader.LoadState(loader.GetState() with { Epoch = epoch, NextBatch = nextBatch }));

        Assert.Equal("state", ex.ParamName);
        Assert.Equal(epoch < 0 ? epoch : nextBatch, ex.ActualValue);
        Assert.Contains(message, ex.Message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(int.MaxValue)]
    public void LoadState_BatchBeyondTheEpoch_ThrowsArgumentOutOfRange_NamingTheBatchAndTheEpochsCount(int nextBatch)
    {
        var loader = Shuffled(); // 3 batches: 0..2

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => loader.LoadState(loader.GetState() with { Epoch = 1, NextBatch = nextBatch }));

        Assert.Equal("state", ex.ParamName);
        Assert.Equal(nextBatch, ex.ActualValue);
        Assert.Contains($"state.NextBatch {nextBatch} is beyond epoch 1, which has 3 batches (0..2)", ex.Message);
    }

    public static TheoryData<string, Func<DataLoaderState, DataLoaderState>, string> Mismatches => new()
    {
        { "DatasetCount", s => s with { DatasetCount = 11 }, "DatasetCount 11, but this loader's DatasetCount is 10" },
        { "BatchSize", s => s with { BatchSize = 5 }, "BatchSize 5, but this loader's BatchSize is 4" },
        { "DropLast", s => s with { DropLast = true }, "DropLast True, but this loader's DropLast is False" },
        { "Seed", s => s with { Seed = 7 }, "Seed 7, but this loader's Seed is 3; build the loader with seed: 7" },
        { "ShuffleSeed (other seed)", s => s with { ShuffleSeed = 8 }, "ShuffleSeed 8, but this loader's ShuffleSeed is 3" },
        { "ShuffleSeed (not shuffled)", s => s with { ShuffleSeed = null }, "ShuffleSeed null (no shuffle), but this loader's ShuffleSeed is 3" },
        { "NumReplicas", s => s with { NumReplicas = 2 }, "NumReplicas 2, but this loader's NumReplicas is 1" },
        { "Rank", s => s with { Rank = 1 }, "Rank 1, but this loader's Rank is 0" },
        { "SamplesPerEpoch", s => s with { SamplesPerEpoch = 9 }, "SamplesPerEpoch 9, but this loader's SamplesPerEpoch is 10" },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void LoadState_FromALoaderWithOtherSettings_ThrowsArgumentException_NamingBothValues_AndChangesNothing(
        string setting, Func<DataLoaderState, DataLoaderState> change, string message)
    {
        var loader = Shuffled();
        var state = change(loader.GetState() with { Epoch = 4, NextBatch = 1 });

        var ex = Assert.Throws<ArgumentException>(() => loader.LoadState(state));

        Assert.Equal("state", ex.ParamName);
        Assert.Contains(message, ex.Message);
        Assert.Contains(setting.Split(' ')[0], ex.Message);
        Assert.Equal((0, 0), (loader.GetState().Epoch, loader.GetState().NextBatch));
    }

    [Fact]
    public void LoadState_OfAnotherReplica_OrAnotherReplicaCount_IsRejected()
    {
        var data = TestData.Indexed(10, 2);
        DataLoader Replica(int replicas, int rank, bool dropLast = false) =>
            new(data, 2, seed: 3, sampler: new DistributedSampler(10, replicas, rank, seed: 3, dropLast: dropLast));

        var saved = Replica(3, 1).GetState();

        Assert.Contains("Rank 1, but this loader's Rank is 0", Assert.Throws<ArgumentException>(() => Replica(3, 0).LoadState(saved)).Message);
        Assert.Contains("NumReplicas 3, but this loader's NumReplicas is 2", Assert.Throws<ArgumentException>(() => Replica(2, 1).LoadState(saved)).Message);
        Assert.Contains("SamplesPerEpoch 4, but this loader's SamplesPerEpoch is 3", Assert.Throws<ArgumentException>(() => Replica(3, 1, dropLast: true).LoadState(saved)).Message);
        Replica(3, 1).LoadState(saved);
    }

    [Fact]
    public void LoadState_OverAnotherDataset_IsRejected()
    {
        var saved = Shuffled(n: 10).GetState();

        var ex = Assert.Throws<ArgumentException>(() => Shuffled(n: 12).LoadState(saved));

        Assert.Contains("DatasetCount 10, but this loader's DatasetCount is 12", ex.Message);
    }
}
