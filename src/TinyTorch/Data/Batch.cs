using System.Buffers;
using System.Collections;

namespace TinyTorch.Data;

/// <summary>
/// One batch from a <see cref="DataLoader"/>: one contiguous tensor per sample position, e.g.
/// <c>(images [B, 3, 32, 32], labels [B])</c>. Deconstructs like a tuple: <c>var (x, y) = batch;</c>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Lifetime contract.</b> A loader's batches may live in pooled buffers so that a steady-state
/// epoch allocates no batch-sized arrays (large arrays land on .NET's large-object heap, where a fresh
/// array per batch provokes repeated full garbage collections). Disposing a batch hands its buffers
/// back for reuse; after that its tensors throw <see cref="ObjectDisposedException"/>.
/// </para>
/// <para>
/// Disposing is optional: a batch that is never disposed keeps its own buffers for as long as it is
/// referenced, so <c>loader.ToList()</c> yields correct, independent batches. Write
/// <c>foreach (var batch in loader) { using (batch) { ... } }</c> to get the pooled speed.
/// </para>
/// </remarks>
public sealed class Batch : IReadOnlyList<Tensor>, IDisposable
{
    private readonly Tensor[] _tensors;
    private readonly StorageLease? _lease;
    private readonly float[][]? _rented;
    private readonly ArrayPool<float>? _pool;

    /// <summary>Makes a batch of caller-owned tensors (what a custom collate function returns).</summary>
    /// <param name="tensors">One tensor per sample position; at least one.</param>
    /// <exception cref="ArgumentException">No tensors were given, or one is null.</exception>
    public Batch(params Tensor[] tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Length == 0)
        {
            throw new ArgumentException("A batch needs at least one tensor.", nameof(tensors));
        }

        for (int i = 0; i < tensors.Length; i++)
        {
            if (tensors[i] is null)
            {
                throw new ArgumentException($"Tensor {i} of the batch is null.", nameof(tensors));
            }
        }

        _tensors = (Tensor[])tensors.Clone();
    }

    internal Batch(Tensor[] tensors, float[][] rented, StorageLease lease, ArrayPool<float> pool)
    {
        _tensors = tensors;
        _rented = rented;
        _lease = lease;
        _pool = pool;
    }

    /// <summary>The number of sample positions (tensors) in the batch, e.g. 2 for (features, labels).</summary>
    public int Count => _tensors.Length;

    /// <summary>The number of samples in the batch: the size of dimension 0 of its first tensor.</summary>
    public int SampleCount => _tensors[0].Rank == 0 ? 1 : _tensors[0].Size(0);

    /// <summary>Whether the batch's storage came from the loader's pool (and returns there on <see cref="Dispose"/>).</summary>
    public bool IsPooled => _lease is not null;

    /// <summary>Whether <see cref="Dispose"/> has returned the batch's pooled storage.</summary>
    public bool IsDisposed => _lease is { IsReleased: true };

    /// <summary>The tensor for sample position <paramref name="position"/> (0 = features, 1 = labels, ...).</summary>
    /// <param name="position">The position, in [0, Count).</param>
    /// <exception cref="ArgumentOutOfRangeException">No such position.</exception>
    public Tensor this[int position] =>
        (uint)position < (uint)_tensors.Length
            ? _tensors[position]
            : throw new ArgumentOutOfRangeException(nameof(position), position,
                $"Position {position} does not exist in a batch of {_tensors.Length} tensors.");

    /// <summary>Splits a one-tensor batch.</summary>
    /// <param name="first">The tensor at position 0.</param>
    public void Deconstruct(out Tensor first)
    {
        RequirePositions(1);
        first = _tensors[0];
    }

    /// <summary>Splits a two-tensor batch, typically <c>var (features, labels) = batch;</c>.</summary>
    /// <param name="first">The tensor at position 0.</param>
    /// <param name="second">The tensor at position 1.</param>
    public void Deconstruct(out Tensor first, out Tensor second)
    {
        RequirePositions(2);
        (first, second) = (_tensors[0], _tensors[1]);
    }

    /// <summary>Splits a three-tensor batch.</summary>
    /// <param name="first">The tensor at position 0.</param>
    /// <param name="second">The tensor at position 1.</param>
    /// <param name="third">The tensor at position 2.</param>
    public void Deconstruct(out Tensor first, out Tensor second, out Tensor third)
    {
        RequirePositions(3);
        (first, second, third) = (_tensors[0], _tensors[1], _tensors[2]);
    }

    /// <summary>A copy of this batch whose tensors own their storage, safe to keep after disposing this one.</summary>
    public Batch Clone() => new(Array.ConvertAll(_tensors, t => t.Clone()));

    /// <summary>Returns pooled storage for reuse; this batch's tensors are unusable afterwards. Safe to call twice.</summary>
    public void Dispose()
    {
        if (_lease is null || !_lease.TryRelease())
        {
            return;
        }

        foreach (var buffer in _rented!)
        {
            _pool!.Return(buffer);
        }
    }

    /// <inheritdoc/>
    public IEnumerator<Tensor> GetEnumerator() => ((IEnumerable<Tensor>)_tensors).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Describes the batch by its tensors' shapes, e.g. <c>Batch([64, 3, 32, 32], [64])</c>.</summary>
    public override string ToString() =>
        IsDisposed
            ? "Batch (disposed)"
            : "Batch(" + string.Join(", ", _tensors.Select(t => Tensor.FormatShape(t.ShapeSpan))) + ")";

    private void RequirePositions(int wanted)
    {
        if (_tensors.Length != wanted)
        {
            throw new InvalidOperationException(
                $"Cannot split a batch of {_tensors.Length} tensors into {wanted} variables.");
        }
    }
}
