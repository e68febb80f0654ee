using TinyTorch.Data;

namespace TinyTorch.Analysis.Simulation;

/// <summary>
/// Wraps a dataset so that reading each sample first waits <see cref="Latency"/>, as reading from a
/// disk or a network would: the waiting thread sleeps rather than computes, so background loader
/// workers can overlap many such waits even on a machine with few cores.
/// </summary>
/// <remarks>
/// Samples are exactly the wrapped dataset's. When the wrapped dataset can copy rows
/// (<see cref="IRowSource"/>), so can this one, and the loader keeps its fast collation path.
/// </remarks>
public sealed class SimulatedLatencyDataset : Dataset<Tensor[]>, IRowSource
{
    private readonly IRowSource? _rows;

    /// <summary>Wraps <paramref name="inner"/> with a per-sample read latency.</summary>
    /// <param name="inner">The dataset whose samples are served.</param>
    /// <param name="latency">The wait before each sample is read; zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latency"/> is negative.</exception>
    public SimulatedLatencyDataset(Dataset<Tensor[]> inner, TimeSpan latency)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (latency < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(latency), latency, $"The latency must be zero or more, but was {latency}.");
        }

        Inner = inner;
        Latency = latency;
        _rows = inner as IRowSource;
    }

    /// <summary>The dataset whose samples are served.</summary>
    public Dataset<Tensor[]> Inner { get; }

    /// <summary>The wait before each sample is read.</summary>
    public TimeSpan Latency { get; }

    /// <inheritdoc/>
    public override int Count => Inner.Count;

    /// <summary>Waits <see cref="Latency"/>, then returns sample <paramref name="index"/> of the wrapped dataset.</summary>
    /// <param name="index">The sample's index.</param>
    public override Tensor[] this[int index]
    {
        get
        {
            SimulatedDelay.Wait(Latency);
            return Inner[index];
        }
    }

    /// <inheritdoc/>
    public bool CanCopyRows => _rows is { CanCopyRows: true };

    /// <inheritdoc/>
    public int Positions => Rows.Positions;

    /// <inheritdoc/>
    public ReadOnlySpan<int> SampleShape(int position) => Rows.SampleShape(position);

    /// <summary>Copies one tensor of sample <paramref name="index"/>; the latency is paid once per sample, at position 0.</summary>
    /// <param name="index">The sample index.</param>
    /// <param name="position">The sample position.</param>
    /// <param name="destination">Where the values go.</param>
    public void CopySample(int index, int position, Span<float> destination)
    {
        if (position == 0)
        {
            SimulatedDelay.Wait(Latency);
        }

        Rows.CopySample(index, position, destination);
    }

    private IRowSource Rows => _rows is { CanCopyRows: true } rows
        ? rows
        : throw new NotSupportedException("The wrapped dataset cannot copy rows; check CanCopyRows first.");
}
