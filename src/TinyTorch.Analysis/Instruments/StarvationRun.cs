namespace TinyTorch.Analysis.Instruments;

/// <summary>One epoch of a simulated accelerator fed by a loader with <see cref="Workers"/> background workers.</summary>
/// <param name="Workers">The loader's <c>numWorkers</c>.</param>
/// <param name="Batches">Batches consumed.</param>
/// <param name="Elapsed">Wall-clock time of the epoch, from asking for the first batch to the end of the last step.</param>
/// <param name="Compute">Time the accelerator spent computing.</param>
/// <param name="Waiting">Time the accelerator spent idle, waiting for a batch.</param>
/// <param name="Timeline">Every compute, waiting and loading span, in time order per lane.</param>
public sealed record StarvationRun(int Workers, int Batches, TimeSpan Elapsed, TimeSpan Compute, TimeSpan Waiting, IReadOnlyList<TimelineSpan> Timeline)
{
    /// <summary>The fraction of the epoch the accelerator sat idle waiting for data, in [0, 1].</summary>
    public double IdleFraction => Elapsed > TimeSpan.Zero ? Math.Clamp(Waiting / Elapsed, 0, 1) : 0;
}
