using System.Buffers;
using TinyTorch.Data;

namespace TinyTorch.Transforms;

/// <summary>
/// Applies a transform to one position of every sample as it is read, e.g. augmentation of the
/// images of a training set. Wrap the training dataset and leave the validation dataset unwrapped:
/// augmentation belongs to training only, so that validation metrics stay comparable across epochs.
/// </summary>
/// <remarks>
/// <para>
/// A fresh random draw happens on every read, so each epoch sees a different variant of each image:
/// augmentation expands the dataset virtually, without storing a single extra sample.
/// When the wrapped dataset is an <see cref="IRowSource"/> and the transform an
/// <see cref="ISpanTransform"/>, the loader writes transformed samples straight into the batch.
/// </para>
/// <para>
/// <b>Which draws.</b> The indexer (and <see cref="CopySample(int, int, Span{float})"/>) draws from the
/// transform's own generator, as a transform applied by hand does. The loader reads through
/// <see cref="Read"/> and <see cref="CopySample(int, int, Span{float}, SampleRandom)"/> instead: the
/// transform draws from the sample's <see cref="SampleRandom"/>, made from (loader seed, epoch, index),
/// and the wrapped dataset gets <c>random.Fork(1)</c>, so that wrappers of wrappers draw independently
/// and in any order. Either way the plain and fused paths give the same values for the same draws.
/// </para>
/// </remarks>
public sealed class TransformedDataset : Dataset<Tensor[]>, IRowSource
{
    // The fork of the sample's generator that the wrapped dataset reads with; this layer's transform
    // draws from the generator itself.
    private const int InnerStream = 1;

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

    /// <summary>Sample <paramref name="index"/> of the wrapped dataset, with its tensor at <see cref="Position"/> transformed (drawing from the transform's own generator).</summary>
    /// <param name="index">The sample's index.</param>
    /// <exception cref="ArgumentOutOfRangeException">The sample has no tensor at <see cref="Position"/>.</exception>
    public override Tensor[] this[int index] => Transformed(index, Inner[index], Draws.OwnStreams);

    /// <summary>Sample <paramref name="index"/>, transformed with draws from <paramref name="random"/>; the wrapped dataset reads with <c>random.Fork(1)</c>.</summary>
    /// <param name="index">The sample's index.</param>
    /// <param name="random">The sample's generator.</param>
    /// <exception cref="ArgumentOutOfRangeException">The sample has no tensor at <see cref="Position"/>.</exception>
    public override Tensor[] Read(int index, SampleRandom random) =>
        Transformed(index, Inner.Read(index, random.Fork(InnerStream)), new Draws(ref random));

    /// <inheritdoc/>
    public bool CanCopyRows => _fused is not null;

    /// <inheritdoc/>
    public int Positions => Rows.Positions;

    /// <inheritdoc/>
    public ReadOnlySpan<int> SampleShape(int position) =>
        position == Position ? _fused!.OutputShape(Rows.SampleShape(position)) : Rows.SampleShape(position);

    /// <inheritdoc/>
    /// <remarks>The transform draws from its own generator, as the indexer does.</remarks>
    public void CopySample(int index, int position, Span<float> destination) =>
        CopySample(index, position, destination, default, Draws.OwnStreams);

    /// <inheritdoc/>
    /// <remarks>The transform draws from <paramref name="random"/>; the wrapped dataset copies with <c>random.Fork(1)</c>, as in <see cref="Read"/>.</remarks>
    public void CopySample(int index, int position, Span<float> destination, SampleRandom random) =>
        CopySample(index, position, destination, random.Fork(InnerStream), new Draws(ref random));

    private Tensor[] Transformed(int index, Tensor[] read, Draws draws)
    {
        var sample = (Tensor[])read.Clone();
        if (Position >= sample.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index,
                $"Sample {index} has {sample.Length} tensors, so there is no position {Position} to transform.");
        }

        sample[Position] = draws.FromSample ? Transform.Apply(sample[Position], ref draws.Sample) : Transform.Apply(sample[Position]);
        return sample;
    }

    // `inner` is the wrapped dataset's generator (unused when the draws are the transform's own).
    private void CopySample(int index, int position, Span<float> destination, SampleRandom inner, Draws draws)
    {
        if (position != Position)
        {
            CopyInner(index, position, destination, inner, draws.FromSample);
            return;
        }

        var shape = Rows.SampleShape(position);
        if (_rows is TensorDataset tensors)
        {
            // The transform reads the sample where it lies in the dataset and writes straight into the
            // batch slot, with no copy of the whole sample first.
            Fuse(tensors.RowValues(index, position), shape, destination, draws);
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
            CopyInner(index, position, source, inner, draws.FromSample);
            Fuse(source, shape, destination, draws);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    private void CopyInner(int index, int position, Span<float> destination, SampleRandom inner, bool fromSample)
    {
        if (fromSample)
        {
            Rows.CopySample(index, position, destination, inner);
        }
        else
        {
            Rows.CopySample(index, position, destination);
        }
    }

    private void Fuse(ReadOnlySpan<float> source, ReadOnlySpan<int> shape, Span<float> destination, Draws draws)
    {
        if (draws.FromSample)
        {
            _fused!.Apply(source, shape, destination, ref draws.Sample);
        }
        else
        {
            _fused!.Apply(source, shape, destination);
        }
    }

    private IRowSource Rows => _rows ?? throw new NotSupportedException(
        "This TransformedDataset cannot copy rows: its dataset is not an IRowSource or its transform is not an ISpanTransform. Check CanCopyRows first.");
}
