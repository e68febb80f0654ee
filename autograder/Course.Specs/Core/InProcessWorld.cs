using TinyTorch;
using TinyTorch.Data;

namespace Course.Specs.Core;

/// <summary>The code under test runs in this process: a notebook's check cell, or the xunit specs.</summary>
public sealed class InProcessWorld : ISpecWorld
{
    /// <summary>The one instance.</summary>
    public static InProcessWorld Instance { get; } = new();

    private InProcessWorld()
    {
    }

    /// <inheritdoc />
    public string ScratchFolder => Path.GetTempPath();

    /// <inheritdoc />
    public bool SameObject(Tensor a, Tensor b) => ReferenceEquals(a, b);

    /// <inheritdoc />
    public void Fill(Tensor tensor, float value)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        tensor.AsSpan().Fill(value);
    }

    /// <inheritdoc />
    public Tensor Refresh(Tensor tensor) => tensor;

    /// <inheritdoc />
    public Dataset<Tensor[]> Synthetic(int count, int features, bool prebuilt = false) => new Doubles.CountingDataset(count, features, prebuilt);

    /// <inheritdoc />
    public void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <inheritdoc />
    public TimeSpan StudentCpu(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        TimeSpan start = CpuClock.CurrentThread();
        action();
        return CpuClock.CurrentThread() - start;
    }

    /// <inheritdoc />
    public TimedRun CollateEach(Func<IReadOnlyList<Tensor[]>, Tensor[]> collate, IReadOnlyList<IReadOnlyList<Tensor[]>> sampleLists)
    {
        ArgumentNullException.ThrowIfNull(collate);
        ArgumentNullException.ThrowIfNull(sampleLists);
        var outputs = new IReadOnlyList<TensorSummary>[sampleLists.Count];
        TimeSpan start = CpuClock.CurrentThread();
        for (int i = 0; i < outputs.Length; i++)
        {
            outputs[i] = TensorSummary.Of(collate(sampleLists[i]) ?? throw new InvalidOperationException("Collate returned null."));
        }

        return new TimedRun(CpuClock.CurrentThread() - start, outputs);
    }

    /// <inheritdoc />
    public TimedRun Drain(IEnumerable<IReadOnlyList<Tensor>> batches, int epochs = 1) => DrainHere(batches, CpuClock.CurrentThread, epochs: epochs);

    /// <summary>
    /// Enumerates batches to their end in this process, summarising each (and disposing it, for loaders that pool
    /// batches), and times it on <paramref name="clock"/>: the one loop both sides of the grading boundary run.
    /// </summary>
    /// <param name="batches">The batches.</param>
    /// <param name="clock">A CPU clock.</param>
    /// <param name="maxBatches">The most batches read before the enumeration is refused as endless.</param>
    /// <param name="epochs">How many times to enumerate the batches, one epoch after another.</param>
    /// <returns>The time and the summaries.</returns>
    /// <exception cref="SpecFailure">The enumeration produced more than <paramref name="maxBatches"/> batches.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochs"/> is not 1 to 100,000.</exception>
    public static TimedRun DrainHere(IEnumerable<IReadOnlyList<Tensor>> batches, Func<TimeSpan> clock, int maxBatches = 1_000_000, int epochs = 1)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(epochs, 100_000);
        var outputs = new List<IReadOnlyList<TensorSummary>>();
        TimeSpan start = clock();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in batches)
            {
                if (outputs.Count == maxBatches)
                {
                    throw new SpecFailure($"Expected an epoch to end, but it went on past {maxBatches:N0} batches.");
                }

                outputs.Add(SummarisedAndReleased(batch ?? throw new InvalidOperationException("The loader produced a null batch.")));
            }
        }

        return new TimedRun(clock() - start, outputs);
    }

    /// <inheritdoc />
    public TimedRun DrainAfterFirst(IEnumerable<IReadOnlyList<Tensor>> batches, int count, int stepRounds)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ThrowIfTakeOutOfRange(count, stepRounds);
        using var epoch = batches.GetEnumerator();
        TimedRun first = TakeHere(epoch, 1, 0, static () => TimeSpan.Zero);
        // The epoch start's garbage is collected before the timing, as a run of its own would be.
        Settle();
        TimedRun rest = TakeHere(epoch, count, stepRounds, CpuClock.CurrentThread);
        return new TimedRun(rest.Cpu, [.. first.Outputs, .. rest.Outputs]);
    }

    /// <summary>The most batches <see cref="TakeHere"/> reads at once.</summary>
    public const int MaxTakenBatches = 100_000;

    /// <summary>The most rounds of a made-up training step after each batch (about a millisecond).</summary>
    public const int MaxStepRounds = 1_000_000;

    /// <summary>Throws unless <paramref name="count"/> and <paramref name="stepRounds"/> are in the ranges <see cref="TakeHere"/> accepts.</summary>
    /// <param name="count">Batches to read, 1 to <see cref="MaxTakenBatches"/>.</param>
    /// <param name="stepRounds">The step's rounds after each batch, 0 to <see cref="MaxStepRounds"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">Either is out of its range.</exception>
    public static void ThrowIfTakeOutOfRange(int count, int stepRounds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxTakenBatches);
        ArgumentOutOfRangeException.ThrowIfNegative(stepRounds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stepRounds, MaxStepRounds);
    }

    /// <summary>
    /// Reads up to <paramref name="count"/> more batches of an epoch already begun (fewer when it ends), summarising and
    /// disposing each and then doing <paramref name="stepRounds"/> rounds of arithmetic as a training step would, timed
    /// on <paramref name="clock"/>: the loop both sides of the grading boundary run to time the batches after an
    /// epoch's first.
    /// </summary>
    /// <param name="epoch">The epoch's enumerator; each item a list of tensors.</param>
    /// <param name="count">The most batches to read, 1 to <see cref="MaxTakenBatches"/>.</param>
    /// <param name="stepRounds">The step's rounds after each batch, 0 to <see cref="MaxStepRounds"/>.</param>
    /// <param name="clock">A CPU clock.</param>
    /// <returns>The time and the summaries.</returns>
    /// <exception cref="InvalidOperationException">An item is null or not a list of tensors.</exception>
    public static TimedRun TakeHere(System.Collections.IEnumerator epoch, int count, int stepRounds, Func<TimeSpan> clock)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        ArgumentNullException.ThrowIfNull(clock);
        ThrowIfTakeOutOfRange(count, stepRounds);
        var outputs = new List<IReadOnlyList<TensorSummary>>();
        TimeSpan start = clock();
        while (outputs.Count < count && epoch.MoveNext())
        {
            var batch = epoch.Current as IReadOnlyList<Tensor> ?? throw new InvalidOperationException(
                $"The loader produced {(epoch.Current is null ? "a null batch" : $"a {epoch.Current.GetType().Name} as a batch")}, not a list of tensors.");
            outputs.Add(SummarisedAndReleased(batch));
            Step(stepRounds);
        }

        return new TimedRun(clock() - start, outputs);
    }

    // A batch's summary, after which the batch is disposed: loaders that pool their batches get them back.
    private static IReadOnlyList<TensorSummary> SummarisedAndReleased(IReadOnlyList<Tensor> batch)
    {
        var summary = TensorSummary.Of(batch);
        (batch as IDisposable)?.Dispose();
        return summary;
    }

    private static ulong s_stepSum;

    // Xorshift rounds, each depending on the last, kept in a field so that the compiler cannot leave them out.
    private static void Step(int rounds)
    {
        ulong x = s_stepSum | 1;
        for (int round = 0; round < rounds; round++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }

        s_stepSum += x;
    }

    /// <inheritdoc />
    public long StudentBytesRead(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        long start = CpuClock.ProcessBytesRead();
        action();
        return CpuClock.ProcessBytesRead() - start;
    }
}
