using System.Buffers;
using TinyTorch.Data;

namespace TinyTorch.Transforms;

/// <summary>
/// Applies a transform to one position of every sample as it is read, e.g. augmentation of the
/// images of a training set. Wrap the training dataset and leave the validation dataset unwrapped:
/// augmentation belongs to training only, so that validation metrics stay comparable across epochs.
/// </summary>
/// <remarks>
/// A fresh random draw happens on every read, so each epoch sees a different variant of each image:
/// augmentation expands the dataset virtually, without storing a single extra sample.
/// When the wrapped dataset is an <see cref="IRowSource"/> and the transform an
/// <see cref="ISpanTransform"/>, the loader writes transformed samples straight into the batch.
/// </remarks>
public sealed class TransformedDataset : Dataset<Tensor[]>, IRowSource
{
    private readonly ISpanTransform? _fused;
    private readonly IRowSource? _rows;

    /// <summary>Wraps <paramref name="dataset"/> so that <paramref name="transform"/> applies to sample position <paramref name="position"/>.</summary>
    /// <param name="dataset">The samples to transform.</param>
    /// <param name="transform">The transform (often a <see cref="Compose"/>).</param>
    /// <param name="position">Which tensor of each sample to transform; 0, the features, by default.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is negative.</exception>
    public TransformedDataset(Dataset<Tensor[]> dataset, ITransform transform, int position = 0)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(transform);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        Inner = dataset;
        Transform = transform;
        Position = position;
        if (dataset is IRowSource { CanCopyRows: true } rows && position < rows.Positions &&
            transform is ISpanTransform span && (span is not Compose compose || compose.CanFuse))
        {
            _rows = rows;
            _fused = span;
        }
    }

    /// <summary>The dataset being transformed.</summary>
    public Dataset<Tensor[]> Inner { get; }

    /// <summary>The transform applied on read.</summary>
    public ITransform Transform { get; }

    /// <summary>The sample position the transform applies to.</summary>
    public int Position { get; }

    /// <inheritdoc/>
    public override int Count => Inner.Count;

    /// <summary>Sample <paramref name="index"/> of the wrapped dataset, with its tensor at <see cref="Position"/> transformed.</summary>
    /// <param name="index">The sample's index.</param>
    /// <exception cref="ArgumentOutOfRangeException">The sample has no tensor at <see cref="Position"/>.</exception>
    public override Tensor[] this[int index]
    {
        get
        {
            var sample = (Tensor[])Inner[index].Clone();
            if (Position >= sample.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index,
                    $"Sample {index} has {sample.Length} tensors, so there is no position {Position} to transform.");
            }

            sample[Position] = Transform.Apply(sample[Position]);
            return sample;
        }
    }

    /// <inheritdoc/>
    public bool CanCopyRows => _fused is not null;

    /// <inheritdoc/>
    public int Positions => Rows.Positions;

    /// <inheritdoc/>
    public ReadOnlySpan<int> SampleShape(int position) =>
        position == Position ? _fused!.OutputShape(Rows.SampleShape(position)) : Rows.SampleShape(position);

    /// <inheritdoc/>
    public void CopySample(int index, int position, Span<float> destination)
    {
        if (position != Position)
        {
            Rows.CopySample(index, position, destination);
            return;
        }

        var shape = Rows.SampleShape(position);
        if (_rows is TensorDataset tensors)
        {
            // The transform reads the sample where it lies in the dataset and writes straight into the
            // batch slot, with no copy of the whole sample first.
            _fused!.Apply(tensors.RowValues(index, position), shape, destination);
            return;
        }

        // Otherwise the source row goes through a small pooled buffer (it stays in cache), then the
        // transform writes straight into the batch slot. Pooled rather than per-thread, so that
        // wrappers of wrappers never share one scratch buffer.
        int length = Tensor.ElementCount(shape, nameof(shape));
        float[] rented = ArrayPool<float>.Shared.Rent(length);
        try
        {
            var source = rented.AsSpan(0, length);
            Rows.CopySample(index, position, source);
            _fused!.Apply(source, shape, destination);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    private IRowSource Rows => _rows ?? throw new NotSupportedException(
        "This TransformedDataset cannot copy rows: its dataset is not an IRowSource or its transform is not an ISpanTransform. Check CanCopyRows first.");
}
