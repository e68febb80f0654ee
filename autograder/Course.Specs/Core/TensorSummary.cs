using TinyTorch;

namespace Course.Specs.Core;

/// <summary>
/// A tensor that timed work produced, as the check sees it afterwards: its shape, its <see cref="TensorDigest"/>,
/// and its values when it is small (a batch's labels), so that a check can verify the work without the cost of
/// carrying large tensors back being timed with it.
/// </summary>
/// <param name="Shape">The tensor's shape.</param>
/// <param name="Digest">Its digest.</param>
/// <param name="Values">Its values when it holds at most <see cref="SmallValues"/>, else null.</param>
public sealed record TensorSummary(IReadOnlyList<int> Shape, ulong Digest, float[]? Values)
{
    /// <summary>The most values a summary carries in full.</summary>
    public const int SmallValues = 4096;

    /// <summary>Summarises a tensor.</summary>
    /// <param name="tensor">The tensor.</param>
    /// <returns>Its summary.</returns>
    public static TensorSummary Of(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return new TensorSummary([.. tensor.Shape], TensorDigest.Of(tensor), tensor.Length <= SmallValues ? tensor.ToArray() : null);
    }

    /// <summary>Summarises each tensor of a batch.</summary>
    /// <param name="batch">The tensors.</param>
    /// <returns>Their summaries, in order.</returns>
    public static IReadOnlyList<TensorSummary> Of(IReadOnlyList<Tensor> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var summaries = new TensorSummary[batch.Count];
        for (int i = 0; i < summaries.Length; i++)
        {
            summaries[i] = Of(batch[i] ?? throw new InvalidOperationException($"Tensor {i} of a batch is null."));
        }

        return summaries;
    }

    /// <summary>Whether this summarises a tensor equal to <paramref name="tensor"/> (same shape, same values bit for bit).</summary>
    /// <param name="tensor">The tensor expected.</param>
    /// <returns>True when they match.</returns>
    public bool Matches(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return Shape.SequenceEqual(tensor.Shape) && Digest == TensorDigest.Of(tensor);
    }

    /// <summary>The shape as <c>[a, b]</c>, for messages.</summary>
    public string ShapeText => $"[{string.Join(", ", Shape)}]";
}
