using TinyTorch;
using TinyTorch.Data;

namespace Course.Specs.Doubles;

/// <summary>
/// Exposes another dataset through the indexer alone, hiding any fast path it has, so that a timing
/// budget compares a student's loader with the reference doing the same work sample by sample.
/// </summary>
/// <param name="inner">The dataset to forward to.</param>
public sealed class IndexedDataset(Dataset<Tensor[]> inner) : Dataset<Tensor[]>
{
    /// <inheritdoc/>
    public override int Count => inner.Count;

    /// <inheritdoc/>
    public override Tensor[] this[int index] => inner[index];
}
