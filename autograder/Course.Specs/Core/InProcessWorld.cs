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
    public Dataset<Tensor[]> Synthetic(int count, int features) => new Doubles.CountingDataset(count, features);

    /// <inheritdoc />
    public TimeSpan StudentCpu(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        TimeSpan start = CpuClock.CurrentThread();
        action();
        return CpuClock.CurrentThread() - start;
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
