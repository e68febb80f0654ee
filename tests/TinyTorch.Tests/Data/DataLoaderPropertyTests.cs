using CsCheck;
using TinyTorch.Data;
using TinyTorch.Tests.TestDoubles;

namespace TinyTorch.Tests.Data;

public class DataLoaderPropertyTests
{
    [Fact]
    public void EveryIndexExactlyOncePerEpoch_OrAtMostOnceWithDropLast()
    {
        Gen.Select(Gen.Int[0, 200], Gen.Int[1, 64], Gen.Bool, Gen.Int).Sample((n, b, drop, seed) =>
        {
            var loader = new DataLoader(TestData.Indexed(n, 2), b, shuffle: true, dropLast: drop, seed: seed);
            for (int epoch = 0; epoch < 2; epoch++)
            {
                var seen = TestData.Epoch(loader).SelectMany(TestData.Labels).ToList();
                Assert.Equal(seen.Count, seen.Distinct().Count());
                Assert.Equal(drop ? n / b * b : n, seen.Count);
                Assert.All(seen, i => Assert.InRange(i, 0, n - 1));
            }
        });
    }

    [Fact]
    public void WithoutShuffle_ConcatenatedBatchesEqualTheDatasetInOrder()
    {
        Gen.Select(Gen.Int[0, 200], Gen.Int[1, 64], Gen.Int[1, 5]).Sample((n, b, features) =>
        {
            var batches = TestData.Epoch(new DataLoader(TestData.Indexed(n, features), b));
            var x = batches.SelectMany(batch => batch[0].ToArray()).ToArray();
            var y = batches.SelectMany(TestData.Labels).ToArray();
            TestData.AssertValues(TestData.ExpectedFeatures(Enumerable.Range(0, n).ToArray(), features), x);
            Assert.Equal(Enumerable.Range(0, n), y);
        });
    }

    [Fact]
    public void BatchCounts_WithAndWithoutDropLast()
    {
        Gen.Select(Gen.Int[0, 200], Gen.Int[1, 64], Gen.Bool).Sample((n, b, drop) =>
        {
            var loader = new DataLoader(TestData.Indexed(n, 1), b, dropLast: drop);
            var sizes = TestData.Epoch(loader).Select(batch => batch.SampleCount).ToList();
            int full = n / b, rest = n % b;
            int expected = full + (drop || rest == 0 ? 0 : 1);
            Assert.Equal(expected, loader.Count);
            Assert.Equal(expected, sizes.Count);
            Assert.All(sizes.Take(full), s => Assert.Equal(b, s));
            if (!drop && rest != 0)
            {
                Assert.Equal(rest, sizes[^1]);
            }
        });
    }

    [Fact]
    public void SameSeed_SameBatches_AndDifferentEpochsDiffer()
    {
        Gen.Select(Gen.Int[20, 150], Gen.Int[1, 32], Gen.Int).Sample((n, b, seed) =>
        {
            var data = TestData.Indexed(n, 1);
            var a = new DataLoader(data, b, shuffle: true, seed: seed);
            var c = new DataLoader(data, b, shuffle: true, seed: seed);
            var orders = new List<int[]>();
            for (int epoch = 0; epoch < 2; epoch++)
            {
                var ea = TestData.Epoch(a);
                var ec = TestData.Epoch(c);
                Assert.Equal(ea.Count, ec.Count);
                for (int i = 0; i < ea.Count; i++)
                {
                    TestData.AssertSameBatch(ea[i], ec[i]);
                }

                orders.Add(ea.SelectMany(TestData.Labels).ToArray());
            }

            // Two random orders of 20+ items coincide with probability 1/20! at most.
            Assert.NotEqual(orders[0], orders[1]);
        });
    }
}
