using System.Diagnostics;
using Course.Specs.Core;
using Course.Specs.Doubles;

namespace Course.Specs.Specs;

/// <summary>The graded properties of the prefetcher challenge (notebook 06, grade_id <c>prefetcher</c>).</summary>
public static class PrefetcherSpecs
{
    /// <summary>The grade_id of the check cell.</summary>
    public const string GradeId = GradeIds.Prefetcher;

    /// <summary>The checks.</summary>
    public static IReadOnlyList<Spec> All { get; } =
    [
        new("prefetcher-order", GradeId, 2, "Items arrive complete and in the source's order",
            "One producer thread adds items to the queue in order; the consumer takes them in the same order until the queue is completed.", impl =>
            {
                var items = Make(impl)(new CountingSource(200), 3).ToArray();
                Expect.That(items.SequenceEqual(Enumerable.Range(0, 200)), "Expected the 200 items 0..199 in order",
                    () => $"got {items.Length} items starting [{string.Join(", ", items.Take(8))}]");
            }),
        new("prefetcher-runs-ahead", GradeId, 2, "The producer runs ahead while the consumer works",
            "Start a background thread that enumerates the source into the queue as soon as enumeration begins.", impl =>
            {
                var source = new CountingSource(50);
                using var e = Make(impl)(source, 4).GetEnumerator();
                e.MoveNext();
                Wait(() => source.Pulled >= 3, TimeSpan.FromSeconds(2));
                Expect.That(source.Pulled >= 3, "Expected the source to be pulled ahead of the consumer (at least 3 items while it held item 0)",
                    () => $"only {source.Pulled} were pulled");
            }),
        new("prefetcher-bounded", GradeId, 2, "At most capacity items wait in memory",
            "Use a bounded queue (BlockingCollection with a capacity): Add blocks while it is full.", impl =>
            {
                var source = new CountingSource(1000);
                using var e = Make(impl)(source, 4).GetEnumerator();
                e.MoveNext();
                Thread.Sleep(300);
                // Item 0 is with the consumer, 4 wait in the queue, and 1 more may be in the producer's hands.
                Expect.That(source.Pulled <= 1 + 4 + 2, "Expected at most about 1 + capacity (4) items pulled while the consumer held item 0",
                    () => $"{source.Pulled} were pulled: the queue is not bounded");
            }),
        new("prefetcher-exception", GradeId, 2, "A failure in the source reaches the consumer",
            "Catch the producer's exception, pass it through the queue, and rethrow it (or wrap it as the InnerException) in the consumer.", impl =>
            {
                var received = new List<int>();
                var thrown = Expect.Throws(() =>
                {
                    foreach (int item in Make(impl)(new CountingSource(20, failAt: 5), 2))
                    {
                        received.Add(item);
                    }
                }, "enumerating a source that fails at item 5", [typeof(Exception)]);
                Expect.That(thrown is InvalidDataException || thrown.InnerException is InvalidDataException,
                    "Expected the source's InvalidDataException, or an exception wrapping it as InnerException", () => $"got {thrown.GetType().Name}: {thrown.Message}");
                Expect.That(received.SequenceEqual(Enumerable.Range(0, 5)), "Expected items 0..4 before the failure",
                    () => $"got [{string.Join(", ", received)}]");
            }),
        new("prefetcher-early-exit", GradeId, 2, "Breaking out of the loop stops the producer",
            "When the consumer's enumerator is disposed (finally), cancel the producer (CancellationTokenSource) and wait for its thread.", impl =>
            {
                var source = new CountingSource(1_000_000, itemDelay: TimeSpan.FromMilliseconds(1));
                foreach (int item in Make(impl)(source, 2))
                {
                    if (item == 3)
                    {
                        break;
                    }
                }

                Wait(() => source.Closed, TimeSpan.FromSeconds(2));
                Expect.That(source.Closed, "Expected the source's enumeration to be closed soon after the consumer broke out",
                    () => "the producer was still pulling items");
                int pulled = source.Pulled;
                Thread.Sleep(100);
                Expect.Equal(pulled, source.Pulled, "the number of items pulled 100 ms after the producer stopped");
            }),
        new("prefetcher-overlap", GradeId, 2, "Producing and consuming overlap in time",
            "The producer must work while the consumer works; a queue filled before the first item is returned gives no overlap.", impl =>
            {
                var delay = TimeSpan.FromMilliseconds(10);
                const int items = 12;
                var make = Make(impl);
                void Consume(IEnumerable<int> source)
                {
                    foreach (int _ in source)
                    {
                        Thread.Sleep(delay);
                    }
                }

                // Overlap in time is what only a wall clock sees: both measured here and now, interleaved, so machine
                // load affects them alike, with a generous bound (perfect overlap is 50%), the best of three attempts.
                double ratio = double.PositiveInfinity, prefetched = 0, inTurn = 0;
                for (int attempt = 0; attempt < Timing.Attempts && ratio >= 0.8; attempt++)
                {
                    var (p, t) = Timing.WallInterleaved(
                        () => Consume(make(new CountingSource(items, itemDelay: delay), 2)),
                        () => Consume(new CountingSource(items, itemDelay: delay)));
                    if (p / t < ratio)
                    {
                        (ratio, prefetched, inTurn) = (p / t, p, t);
                    }
                }

                Expect.That(ratio < 0.8, $"Expected {items} items, each taking {delay.TotalMilliseconds} ms to produce and to consume, to take well under the time of doing both in turn ({inTurn * 1e3:0} ms; timed by the wall clock, the best of {Timing.Attempts} attempts)",
                    () => $"they took {prefetched * 1e3:0} ms ({ratio:P0} of it)");
            }) { Timeout = TimeSpan.FromSeconds(30) },
    ];

    private static Func<IEnumerable<int>, int, IEnumerable<int>> Make(Implementation impl) =>
        Implementation.Require(impl.Prefetcher, "the Prefetcher");

    private static void Wait(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < limit)
        {
            Thread.Sleep(10);
        }
    }
}
