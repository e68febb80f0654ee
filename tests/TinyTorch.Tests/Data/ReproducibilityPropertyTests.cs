using System.Text.Json;
using CsCheck;
using TinyTorch.Data;
using TinyTorch.Data.Sampling;
using TinyTorch.Tests.TestDoubles;
using TinyTorch.Transforms;

namespace TinyTorch.Tests.Data;

/// <summary>
/// Issue #18: augmented batches are a pure function of (settings, epoch, batch number), so they are
/// bit-identical for any number of workers, on every replica of a distributed job, and after resuming.
/// </summary>
public class ReproducibilityPropertyTests
{
    private static readonly int[] WorkerCounts = [0, 1, 2, 4];

    /// <summary>A loader's shape: seed, dataset size, batch size, drop-last, replicas.</summary>
    private static readonly Gen<(int Seed, int N, int BatchSize, bool DropLast, int Replicas)> Loaders =
        Gen.Select(Gen.Int, Gen.Int[1, 40], Gen.Int[1, 8], Gen.Bool, Gen.Int[1, 3]);

    /// <summary>n images [2, 4, 4] (label i = i), flipped and cropped with padding 1.</summary>
    private static TransformedDataset Augmented(int n) =>
        new(TestData.Indexed(n, 2, 4, 4), new Compose(new RandomHorizontalFlip(0.5, seed: 1), new RandomCrop(4, padding: 1, seed: 2)));

    private sealed record Setup(int Seed, int BatchSize, bool DropLast, int Replicas, int Rank, bool PlainPath)
    {
        /// <summary>Replica <see cref="Rank"/>'s loader: always through a DistributedSampler (1 replica is the whole dataset).</summary>
        public DataLoader Loader(Dataset<Tensor[]> data, int workers) => new(
            data, BatchSize, dropLast: DropLast, seed: Seed,
            sampler: new DistributedSampler(data.Count, Replicas, Rank, shuffle: true, seed: Seed),
            numWorkers: workers,
            collate: PlainPath ? Collate.Stack : null);
    }

    private static List<List<Batch>> Epochs(DataLoader loader, int count) =>
        Enumerable.Range(0, count).Select(_ => TestData.Epoch(loader)).ToList();

    private static void AssertSameBatches(IReadOnlyList<Batch> expected, IReadOnlyList<Batch> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            TestData.AssertSameBatch(expected[i], actual[i]);
        }
    }

    [Fact]
    public void EveryBatchOfEveryEpoch_IsBitIdentical_For0To4Workers_AndEverySampleMatchesTheUndistributedLoader()
    {
        Gen.Select(Loaders, Gen.Bool).Sample((t, plainPath) =>
        {
            var data = Augmented(t.N);
            // Each sample's augmented image in each epoch, from an ordinary shuffled loader without a
            // DistributedSampler: every replica must give sample i exactly this image.
            var undistributed = new DataLoader(data, t.BatchSize, shuffle: true, seed: t.Seed);
            var bySample = Epochs(undistributed, 2)
                .Select(epoch => epoch.SelectMany(b => TestData.Labels(b).Select((label, s) => (label, image: b[0].Row(s).ToArray())))
                    .ToDictionary(x => x.label, x => x.image))
                .ToList();

            for (int rank = 0; rank < t.Replicas; rank++)
            {
                var setup = new Setup(t.Seed, t.BatchSize, t.DropLast, t.Replicas, rank, plainPath);
                var reference = Epochs(setup.Loader(data, workers: 0), 2);
                foreach (int workers in WorkerCounts.Skip(1))
                {
                    var got = Epochs(setup.Loader(data, workers), 2);
                    for (int epoch = 0; epoch < 2; epoch++)
                    {
                        AssertSameBatches(reference[epoch], got[epoch]);
                    }
                }

                for (int epoch = 0; epoch < 2; epoch++)
                {
                    foreach (var batch in reference[epoch])
                    {
                        var labels = TestData.Labels(batch);
                        for (int s = 0; s < labels.Length; s++)
                        {
                            TestData.AssertValues(bySample[epoch][labels[s]], batch[0].Row(s).Values);
                        }
                    }
                }
            }
        }, iter: 40);
    }

    [Fact]
    public void AResumedLoader_FromAnyBatchOfAnyEpoch_YieldsTheRestIdentically_WhateverTheWorkersBeforeAndAfter()
    {
        var gen =
            from loader in Loaders
            from pick in Gen.Int[0, 1000]
            from epoch in Gen.Int[0, 2]
            from earlierEpochsRan in Gen.Bool
            from plainPath in Gen.Bool
            from workers in Gen.Int[0, 3].Array[2]
            select (loader, pick, epoch, earlierEpochsRan, plainPath, before: WorkerCounts[workers[0]], after: WorkerCounts[workers[1]]);

        gen.Sample(t =>
        {
            var data = Augmented(t.loader.N);
            var setup = new Setup(t.loader.Seed, t.loader.BatchSize, t.loader.DropLast, t.loader.Replicas, t.pick % t.loader.Replicas, t.plainPath);
            var reference = Epochs(setup.Loader(data, workers: 0), t.epoch + 3);
            int batches = reference[t.epoch].Count;
            int consumed = t.pick % (batches + 1); // 0 .. all of the epoch's batches

            // The interrupted run: reach epoch e (by running the earlier epochs, or by skipping them),
            // take `consumed` batches of it, save the state, and abandon the epoch.
            var interrupted = setup.Loader(data, t.before);
            if (t.earlierEpochsRan)
            {
                Epochs(interrupted, t.epoch);
            }
            else
            {
                interrupted.LoadState(interrupted.GetState() with { Epoch = t.epoch });
            }

            using (var e = interrupted.GetEnumerator())
            {
                for (int k = 0; k < consumed; k++)
                {
                    Assert.True(e.MoveNext());
                    e.Current.Dispose();
                }

                var state = interrupted.GetState();
                bool finished = consumed == batches;
                Assert.Equal(finished ? (t.epoch + 1, 0) : (t.epoch, consumed), (state.Epoch, state.NextBatch));
                string json = JsonSerializer.Serialize(state);

                var resumed = setup.Loader(data, t.after);
                resumed.LoadState(JsonSerializer.Deserialize<DataLoaderState>(json)!);
                int next = finished ? t.epoch + 1 : t.epoch;
                AssertSameBatches(reference[next].Skip(finished ? 0 : consumed).ToList(), TestData.Epoch(resumed));
                AssertSameBatches(reference[next + 1], TestData.Epoch(resumed));
            }
        }, iter: 60);
    }
}
