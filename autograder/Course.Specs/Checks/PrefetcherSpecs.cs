using System.Diagnostics;
using Course.Specs.Core;
using Course.Specs.Doubles;

namespace Course.Specs.Checks;

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
                // Overlap is seen, not timed: the source notes when it was producing, the consumer when it was busy, and
                // the two are compared. A producer on a thread of its own is producing while the consumer works however
                // busy the machine is (both are waits, which need no CPU); one that runs only when asked never is.
                var delay = TimeSpan.FromMilliseconds(20);
                const int items = 10;
                var source = new CountingSource(items, itemDelay: delay);
                var consuming = new List<(long Start, long End)>();
                foreach (int _ in Make(impl)(source, 2))
                {
                    long start = Stopwatch.GetTimestamp();
                    Thread.Sleep(delay);
                    consuming.Add((start, Stopwatch.GetTimestamp()));
                }

                var producing = source.Producing;
                double busy = consuming.Sum(c => (double)(c.End - c.Start));
                double together = consuming.Sum(c => producing.Sum(p => (double)Math.Max(0, Math.Min(c.End, p.End) - Math.Max(c.Start, p.Start))));
                double share = busy > 0 ? together / busy : 0;
                Expect.That(consuming.Count == items && share >= 0.25,
                    $"Expected the source to be producing during at least a quarter of the time the consumer spent on {items} items ({delay.TotalMilliseconds} ms each way; seen by when each was busy, not timed)",
                    () => consuming.Count != items
                        ? $"the consumer got {consuming.Count} items"
                        : $"it was producing during {share:P0} of it: items are produced only when the consumer asks, not while it works");
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
