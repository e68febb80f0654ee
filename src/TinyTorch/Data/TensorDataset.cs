namespace TinyTorch.Data;

/// <summary>
/// A dataset over tensors already in memory, aligned on dimension 0: sample <c>i</c> is row <c>i</c>
/// of every tensor, e.g. (images[i], labels[i]). The simplest dataset, right for data that fits in
/// RAM (MNIST, CIFAR-10).
/// </summary>
public sealed class TensorDataset : Dataset<Tensor[]>, IRowSource
{
    private readonly Tensor[] _tensors;

    /// <summary>Creates the dataset; every tensor must have the same size on dimension 0.</summary>
    /// <param name="tensors">At least one tensor of rank 1 or more; typically features and labels.</param>
    /// <exception cref="ArgumentException">No tensors, a null or scalar tensor, or sizes on dimension 0 that differ (the message names both).</exception>
    public TensorDataset(params Tensor[] tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Length == 0)
        {
            throw new ArgumentException("A TensorDataset needs at least one tensor.", nameof(tensors));
        }

        for (int i = 0; i < tensors.Length; i++)
        {
            var t = tensors[i] ?? throw new ArgumentException($"Tensor {i} is null.", nameof(tensors));
            if (t.Rank == 0)
            {
                throw new ArgumentException(
                    $"Tensor {i} is a scalar; a TensorDataset needs tensors with a sample dimension 0.", nameof(tensors));
            }

            if (t.Size(0) != tensors[0].Size(0))
            {
                // The classic bug this check exists for: 100 images but 99 labels.
                throw new ArgumentException(
                    $"All tensors must have the same size on dimension 0, but tensor 0 has {tensors[0].Size(0)} " +
                    $"and tensor {i} has {t.Size(0)}.", nameof(tensors));
            }
        }

        _tensors = (Tensor[])tensors.Clone();
    }

    /// <summary>The number of samples: the common size of dimension 0.</summary>
    public override int Count => _tensors[0].Size(0);

    /// <summary>The tensors this dataset slices, in order.</summary>
    public IReadOnlyList<Tensor> Tensors => Array.AsReadOnly(_tensors);

    /// <summary>Sample <paramref name="index"/>: row <paramref name="index"/> of each tensor, each as a new tensor (a copy).</summary>
    /// <param name="index">The sample, in [-Count, Count); negatives count from the end.</param>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside [-Count, Count) (the message names both).</exception>
    public override Tensor[] this[int index]
    {
        get
        {
            int i = NormalizeIndex(index);
            var sample = new Tensor[_tensors.Length];
            for (int p = 0; p < sample.Length; p++)
            {
                sample[p] = _tensors[p].Row(i);
            }

            return sample;
        }
    }

    /// <inheritdoc/>
    public bool CanCopyRows => true;

    /// <inheritdoc/>
    public int Positions => _tensors.Length;

    /// <inheritdoc/>
    public ReadOnlySpan<int> SampleShape(int position) => Tensor(position).ShapeSpan[1..];

    /// <inheritdoc/>
    public void CopySample(int index, int position, Span<float> destination) =>
        Tensor(position).CopyRowTo(NormalizeIndex(index), destination);

    /// <summary>
    /// Copies the samples at <paramref name="indices"/> into consecutive slots of <paramref name="storage"/>,
    /// sample by sample, exactly as <see cref="CopySample"/> would for each (same checks, in the same
    /// order), without an interface call per row. <paramref name="current"/> tracks the sample being
    /// copied, so that the caller can name it if a check fails.
    /// </summary>
    internal void GatherInto(ReadOnlySpan<int> indices, BatchStorage storage, ref int current)
    {
        var tensors = _tensors;
        for (int s = 0; s < indices.Length; s++)
        {
            current = indices[s];
            int row = NormalizeIndex(current);
            for (int p = 0; p < tensors.Length; p++)
            {
                var destination = storage.Slot(p, s);
                // Values checks the tensor's lease on every row, as CopyRowTo does.
                var source = tensors[p].Values.Slice(row * destination.Length, destination.Length);
                if (source.Length == 1)
                {
                    destination[0] = source[0]; // a label: a store, not a call to memmove
                }
                else
                {
                    source.CopyTo(destination);
                }
            }
        }
    }

    /// <summary>
    /// Row <paramref name="index"/> of the tensor at <paramref name="position"/>, read in place (no copy),
    /// with the checks of <see cref="CopySample"/>: lets a transform read the sample straight from the dataset.
    /// </summary>
    internal ReadOnlySpan<float> RowValues(int index, int position)
    {
        var tensor = Tensor(position);
        int row = NormalizeIndex(index);
        int rowLength = tensor.RowLength;
        return tensor.Values.Slice(row * rowLength, rowLength);
    }

    private Tensor Tensor(int position) =>
        (uint)position < (uint)_tensors.Length
            ? _tensors[position]
            : throw new ArgumentOutOfRangeException(nameof(position), position,
                $"Position {position} does not exist; samples have {_tensors.Length} tensors.");
}
