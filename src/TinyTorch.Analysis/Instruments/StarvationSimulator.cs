using TinyTorch.Analysis.Measurement;
using TinyTorch.Analysis.Simulation;
using TinyTorch.Data;

namespace TinyTorch.Analysis.Instruments;

/// <summary>
/// Feeds a simulated accelerator from a <see cref="DataLoader"/>: each batch costs the accelerator a
/// fixed step time, during which the CPU is free. With no workers the accelerator waits while the
/// batch loads; with workers the next batches load during the step, and the waiting disappears once
/// the workers together load a batch faster than a step.
/// </summary>
public static class StarvationSimulator
{
    /// <summary>The lane of the consumer's thread when it loads batches itself (no workers).</summary>
    public const string MainThreadLane = "main thread";

    /// <summary>The lane of the simulated accelerator.</summary>
    public const string AcceleratorLane = "accelerator";

    /// <summary>Runs one epoch per worker count.</summary>
    /// <param name="dataset">The samples; wrap it in a <see cref="SimulatedLatencyDataset"/> to model slow storage.</param>
    /// <param name="batchSize">Samples per batch, at least 1.</param>
    /// <param name="stepCost">The accelerator's time per batch (simulated: the consumer's thread sleeps).</param>
    /// <param name="workerCounts">The loader's <c>numWorkers</c> to compare; 0, 1 and 2 by default.</param>
    /// <param name="prefetchFactor">Batches each worker may hold ready, at least 1.</param>
    /// <param name="maxBatches">Stop each epoch after this many batches; the whole epoch by default.</param>
    /// <returns>One run per worker count, each with its timeline.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count, the batch size or the step cost is out of range.</exception>
    public static StarvationResult Run(
        Dataset<Tensor[]> dataset,
        int batchSize,
        TimeSpan stepCost,
        IEnumerable<int>? workerCounts = null,
        int prefetchFactor = 2,
        int? maxBatches = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Require.AtLeastOne(batchSize, nameof(batchSize));
        Require.AtLeastOne(prefetchFactor, nameof(prefetchFactor));
        if (stepCost < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(stepCost), stepCost, $"The step cost must be zero or more, but was {stepCost}.");
        }

        if (maxBatches is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBatches), maxBatches, $"maxBatches must be at least 1, but was {maxBatches}.");
        }

        int[] workers = (workerCounts ?? [0, 1, 2]).ToArray();
        if (workers.Length == 0 || workers.Any(w => w < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(workerCounts), string.Join(", ", workers), "Give one or more worker counts, each 0 or more.");
        }

        var runs = workers.Select(w => RunEpoch(dataset, batchSize, stepCost, w, prefetchFactor, maxBatches ?? int.MaxValue)).ToArray();
        return new StarvationResult(batchSize, stepCost, runs);
    }

    private static StarvationRun RunEpoch(Dataset<Tensor[]> dataset, int batchSize, TimeSpan stepCost, int workers, int prefetchFactor, int maxBatches)
    {
        long origin = Timing.Now;
        var recorder = new LoadRecorder(dataset, Environment.CurrentManagedThreadId, origin);
        var loader = new DataLoader(recorder, batchSize, numWorkers: workers, prefetchFactor: prefetchFactor);
        var accelerator = new List<TimelineSpan>();
        long waiting = 0, computing = 0, end = origin;
        int batches = 0;
        using (var epoch = loader.GetEnumerator())
        {
            while (batches < maxBatches)
            {
                long asked = Timing.Now;
                if (!epoch.MoveNext())
                {
                    break;
                }

                long received = Timing.Now;
                using (epoch.Current)
                {
                    SimulatedDelay.Wait(stepCost);
                }

                end = Timing.Now;
                waiting += received - asked;
                computing += end - received;
                accelerator.Add(new TimelineSpan(AcceleratorLane, TimelineActivity.Waiting, Timing.MillisecondsSince(origin, asked), Timing.MillisecondsSince(origin, received)));
                accelerator.Add(new TimelineSpan(AcceleratorLane, TimelineActivity.Compute, Timing.MillisecondsSince(origin, received), Timing.MillisecondsSince(origin, end)));
                batches++;
            }
        }

        var timeline = accelerator.Concat(recorder.LoadingSpans()).ToArray();
        return new StarvationRun(workers, batches, Timing.Between(origin, end), Timing.Between(0, computing), Timing.Between(0, waiting), timeline);
    }
}
