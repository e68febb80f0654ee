using TinyTorch;
using TinyTorch.Data;

namespace Benchmarks.Loader;

/// <summary>
/// The augmented dataset as the loader read it before issue #18: every sample's flip and crop drawn
/// from the transforms' own generators, one stream shared by all workers (locked per draw), so values
/// depend on which worker builds which batch. It forwards the row-source members without the sample's
/// generator, so the transforms fall back to their own streams; the baseline that prices the
/// per-sample generators. Forwarding adds two interface calls per sample (a few ns of about 2 µs).
/// </summary>
internal sealed class SharedStreamRows(Dataset<Tensor[]> augmented) : Dataset<Tensor[]>, IRowSource
{
    private readonly IRowSource _rows = (IRowSource)augmented;

    public override int Count => augmented.Count;

    public override Tensor[] this[int index] => augmented[index];

    public bool CanCopyRows => _rows.CanCopyRows;

    public int Positions => _rows.Positions;

    public ReadOnlySpan<int> SampleShape(int position) => _rows.SampleShape(position);

    public void CopySample(int index, int position, Span<float> destination) => _rows.CopySample(index, position, destination);
}
