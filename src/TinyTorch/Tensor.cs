using System.Globalization;
using System.Text;

namespace TinyTorch;

/// <summary>
/// A dense, row-major, contiguous n-dimensional array of <see cref="float"/> values: the part of
/// modules 01-04's tensor that data loading needs.
/// </summary>
/// <remarks>
/// <para>
/// <b>Class labels.</b> Labels are held as float32 like every other value, so a batch of labels is an
/// ordinary tensor. Every integer whose magnitude is at most 2^24 (16,777,216) is represented exactly
/// by float32, so labels round-trip without loss: build them with <see cref="FromLabels"/> (which
/// rejects labels outside that range) and read them back with <see cref="ToLabels"/> (which rejects
/// values that are not whole numbers).
/// </para>
/// <para>
/// <b>Pooled storage.</b> Tensors in a <see cref="Data.Batch"/> produced by a
/// <see cref="Data.DataLoader"/> may live in a pooled buffer. Once the batch is disposed the buffer
/// goes back to the pool, and any further access through this tensor throws
/// <see cref="ObjectDisposedException"/> rather than returning another batch's data.
/// Call <see cref="Clone"/> to keep a copy beyond the batch's lifetime.
/// </para>
/// </remarks>
public sealed class Tensor
{
    /// <summary>The largest label magnitude that float32 represents exactly (2^24).</summary>
    public const int MaxExactLabel = 1 << 24;

    private readonly float[] _storage;
    private readonly int[] _shape;
    private readonly StorageLease? _lease;

    /// <summary>
    /// Wraps <paramref name="data"/> (without copying it) as a tensor of the given shape.
    /// </summary>
    /// <param name="data">The values in row-major order; the tensor takes ownership of this array.</param>
    /// <param name="shape">The size of each dimension. An empty shape makes a scalar (one value).</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or <paramref name="shape"/> is null.</exception>
    /// <exception cref="ArgumentException">A size is negative, or the shape's element count differs from the data's length.</exception>
    public Tensor(float[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        int length = ElementCount(shape, nameof(shape));
        if (length != data.Length)
        {
            throw new ArgumentException(
                $"Shape {FormatShape(shape)} holds {length} values but data has {data.Length}.", nameof(shape));
        }

        _storage = data;
        _shape = (int[])shape.Clone();
        Length = length;
    }

    /// <summary>Creates a tensor over storage the library owns (possibly pooled and longer than needed).</summary>
    internal Tensor(float[] storage, int[] shape, int length, StorageLease? lease)
    {
        _storage = storage;
        _shape = shape;
        Length = length;
        _lease = lease;
    }

    /// <summary>The size of each dimension, outermost first. A scalar has an empty shape.</summary>
    public IReadOnlyList<int> Shape => Array.AsReadOnly(_shape);

    /// <summary>The number of dimensions (0 for a scalar).</summary>
    public int Rank => _shape.Length;

    /// <summary>The total number of values (the product of the shape; 1 for a scalar).</summary>
    public int Length { get; }

    /// <summary>
    /// The number of values in one row of dimension 0, that is one sample when dimension 0 is the
    /// sample dimension.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tensor is a scalar and has no dimension 0.</exception>
    public int RowLength
    {
        get
        {
            if (Rank == 0)
            {
                throw new InvalidOperationException("A scalar tensor has no dimension 0 and so no rows.");
            }

            return RowLengthOf(_shape);
        }
    }

    /// <summary>Reads or writes one value by its full index (one coordinate per dimension, negatives count from the end).</summary>
    /// <param name="index">One coordinate per dimension.</param>
    /// <exception cref="ArgumentException">The number of coordinates differs from <see cref="Rank"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate lies outside its dimension.</exception>
    public float this[params int[] index]
    {
        get => Values[FlatIndex(index)];
        set => AsSpan()[FlatIndex(index)] = value;
    }

    /// <summary>The tensor's values in row-major order, as a writable span.</summary>
    /// <exception cref="ObjectDisposedException">The tensor belonged to a batch that has been disposed.</exception>
    public Span<float> AsSpan()
    {
        ThrowIfReleased();
        return _storage.AsSpan(0, Length);
    }

    /// <summary>The tensor's values in row-major order, read-only.</summary>
    /// <exception cref="ObjectDisposedException">The tensor belonged to a batch that has been disposed.</exception>
    public ReadOnlySpan<float> Values
    {
        get
        {
            ThrowIfReleased();
            return new ReadOnlySpan<float>(_storage, 0, Length);
        }
    }

    /// <summary>The size of dimension <paramref name="dimension"/> (negative counts from the end, as in Python).</summary>
    /// <param name="dimension">The dimension, in [-Rank, Rank).</param>
    /// <exception cref="ArgumentOutOfRangeException">The dimension does not exist.</exception>
    public int Size(int dimension)
    {
        int d = dimension < 0 ? dimension + Rank : dimension;
        if ((uint)d >= (uint)Rank)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension,
                $"Dimension {dimension} does not exist in a tensor of rank {Rank} (shape {FormatShape(_shape)}).");
        }

        return _shape[d];
    }

    /// <summary>A copy of the values in row-major order.</summary>
    public float[] ToArray() => Values.ToArray();

    /// <summary>A deep copy with its own storage, independent of any batch or pool.</summary>
    public Tensor Clone() => new(ToArray(), _shape);

    /// <summary>
    /// Row <paramref name="index"/> of dimension 0 as a new tensor (a copy) of shape <c>Shape[1..]</c>.
    /// Negative indices count from the end, as in Python.
    /// </summary>
    /// <param name="index">The row, in [-Size(0), Size(0)).</param>
    /// <exception cref="InvalidOperationException">The tensor is a scalar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The row does not exist.</exception>
    public Tensor Row(int index)
    {
        int rowLength = RowLength;
        int row = NormalizeRow(index);
        var data = new float[rowLength];
        Values.Slice(row * rowLength, rowLength).CopyTo(data);
        return new Tensor(data, _shape[1..], rowLength, null);
    }

    /// <summary>
    /// Copies row <paramref name="index"/> of dimension 0 into <paramref name="destination"/>
    /// without allocating: the loader's collation path.
    /// </summary>
    /// <param name="index">The row, in [-Size(0), Size(0)).</param>
    /// <param name="destination">At least <see cref="RowLength"/> values long.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than a row.</exception>
    public void CopyRowTo(int index, Span<float> destination)
    {
        int rowLength = RowLength;
        int row = NormalizeRow(index);
        if (destination.Length < rowLength)
        {
            throw new ArgumentException(
                $"Destination holds {destination.Length} values but a row holds {rowLength}.", nameof(destination));
        }

        Values.Slice(row * rowLength, rowLength).CopyTo(destination);
    }

    /// <summary>Whether <paramref name="other"/> has the same shape and exactly the same values.</summary>
    /// <param name="other">The tensor to compare with.</param>
    public bool ValueEquals(Tensor? other) =>
        other is not null && _shape.AsSpan().SequenceEqual(other._shape) && Values.SequenceEqual(other.Values);

    /// <summary>Reads a rank-1 tensor of whole numbers back as class labels.</summary>
    /// <exception cref="InvalidOperationException">The tensor is not rank 0 or 1, or holds a value that is not a whole number within ±2^24.</exception>
    public int[] ToLabels()
    {
        if (Rank > 1)
        {
            throw new InvalidOperationException(
                $"Labels are a scalar or a rank-1 tensor, but this tensor has shape {FormatShape(_shape)}.");
        }

        var values = Values;
        var labels = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            float v = values[i];
            if (v != MathF.Round(v) || MathF.Abs(v) > MaxExactLabel)
            {
                throw new InvalidOperationException(
                    $"Value {v.ToString(CultureInfo.InvariantCulture)} at position {i} is not a whole-number label within ±{MaxExactLabel}.");
            }

            labels[i] = (int)v;
        }

        return labels;
    }

    /// <summary>A rank-1 tensor holding integer class labels exactly (see the remarks on <see cref="Tensor"/>).</summary>
    /// <param name="labels">The labels, each within ±2^24.</param>
    /// <exception cref="ArgumentOutOfRangeException">A label's magnitude exceeds 2^24, where float32 stops being exact.</exception>
    public static Tensor FromLabels(ReadOnlySpan<int> labels)
    {
        var data = new float[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            int label = labels[i];
            if (label > MaxExactLabel || label < -MaxExactLabel)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), label,
                    $"Label {label} at position {i} is beyond ±{MaxExactLabel}, where float32 can no longer hold every integer exactly.");
            }

            data[i] = label;
        }

        return new Tensor(data, labels.Length);
    }

    /// <summary>A scalar (rank-0) tensor holding one value.</summary>
    /// <param name="value">The value.</param>
    public static Tensor Scalar(float value) => new([value]);

    /// <summary>A tensor of zeros of the given shape.</summary>
    /// <param name="shape">The size of each dimension.</param>
    /// <exception cref="ArgumentException">A size is negative.</exception>
    public static Tensor Zeros(params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return new Tensor(new float[ElementCount(shape, nameof(shape))], shape);
    }

    /// <summary>
    /// Stacks tensors of one shape along a new leading axis: n tensors of shape S become one
    /// contiguous tensor of shape [n, ..S]. Each value is copied exactly once.
    /// </summary>
    /// <param name="tensors">At least one tensor; all of the same shape.</param>
    /// <exception cref="ArgumentException">The list is empty, or the tensors' ranks or shapes differ.</exception>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0)
        {
            throw new ArgumentException("Cannot stack an empty list of tensors: there is no shape to stack.", nameof(tensors));
        }

        var first = tensors[0] ?? throw new ArgumentException("Tensor 0 is null.", nameof(tensors));
        int itemLength = first.Length;
        var result = new float[checked(itemLength * tensors.Count)];
        for (int i = 0; i < tensors.Count; i++)
        {
            var t = tensors[i] ?? throw new ArgumentException($"Tensor {i} is null.", nameof(tensors));
            RequireSameShape(first, t, i, nameof(tensors));
            t.Values.CopyTo(result.AsSpan(i * itemLength, itemLength));
        }

        return new Tensor(result, [tensors.Count, .. first._shape], result.Length, null);
    }

    /// <summary>Describes the tensor's shape and its first values, e.g. <c>Tensor[2, 3] (0, 1, 2, 3, 4, 5)</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("Tensor").Append(FormatShape(_shape));
        if (_lease is { IsReleased: true })
        {
            return sb.Append(" (released to the pool)").ToString();
        }

        sb.Append(" (");
        int shown = Math.Min(Length, 8);
        for (int i = 0; i < shown; i++)
        {
            sb.Append(i == 0 ? "" : ", ").Append(_storage[i].ToString("G6", CultureInfo.InvariantCulture));
        }

        return sb.Append(Length > shown ? ", …)" : ")").ToString();
    }

    /// <summary>Formats a shape the way error messages in this library show it: <c>[3, 32, 32]</c>.</summary>
    internal static string FormatShape(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    /// <summary>The shape as a span, for library code that must not allocate.</summary>
    internal ReadOnlySpan<int> ShapeSpan => _shape;

    internal static int RowLengthOf(ReadOnlySpan<int> shape)
    {
        int n = 1;
        for (int i = 1; i < shape.Length; i++)
        {
            n *= shape[i];
        }

        return n;
    }

    internal static int ElementCount(ReadOnlySpan<int> shape, string paramName)
    {
        long n = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] < 0)
            {
                throw new ArgumentOutOfRangeException(paramName, shape[i],
                    $"Dimension {i} of shape {FormatShape(shape)} has negative size {shape[i]}.");
            }

            n *= shape[i];
            if (n > Array.MaxLength)
            {
                throw new ArgumentException($"Shape {FormatShape(shape)} holds more values than one array can.", paramName);
            }
        }

        return (int)n;
    }

    internal static void RequireSameShape(Tensor expected, Tensor actual, int position, string paramName)
    {
        if (expected._shape.AsSpan().SequenceEqual(actual._shape))
        {
            return;
        }

        string what = expected.Rank != actual.Rank
            ? $"rank {actual.Rank} where tensor 0 has rank {expected.Rank}"
            : "a different shape from tensor 0";
        throw new ArgumentException(
            $"Tensor {position} has shape {FormatShape(actual._shape)}, {what} {FormatShape(expected._shape)}; all tensors must have one shape.",
            paramName);
    }

    private int NormalizeRow(int index)
    {
        int rows = _shape[0];
        int row = index < 0 ? index + rows : index;
        if ((uint)row >= (uint)rows)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index,
                $"Row {index} is outside dimension 0 of size {rows}; valid rows are {-rows}..{rows - 1}.");
        }

        return row;
    }

    private int FlatIndex(int[] index)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (index.Length != Rank)
        {
            throw new ArgumentException(
                $"Got {index.Length} coordinates for a tensor of rank {Rank} (shape {FormatShape(_shape)}).", nameof(index));
        }

        int flat = 0;
        for (int d = 0; d < index.Length; d++)
        {
            int size = _shape[d];
            int i = index[d] < 0 ? index[d] + size : index[d];
            if ((uint)i >= (uint)size)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index[d],
                    $"Coordinate {index[d]} is outside dimension {d} of size {size}.");
            }

            flat = flat * size + i;
        }

        return flat;
    }

    private void ThrowIfReleased()
    {
        if (_lease is { IsReleased: true })
        {
            throw new ObjectDisposedException(nameof(Tensor),
                "This tensor belonged to a Batch that has been disposed, and its buffer is back in the loader's pool. " +
                "Clone() the tensor before disposing the batch to keep its values.");
        }
    }
}
