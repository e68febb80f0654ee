namespace TinyTorch.Data;

/// <summary>
/// A dataset whose samples are tensors of fixed shapes that it can copy straight into a destination
/// buffer. The <see cref="DataLoader"/> uses this to collate a batch by copying each sample once,
/// directly into the batch's contiguous storage, with no per-sample tensor in between.
/// </summary>
/// <remarks>
/// This is an optimisation, never a requirement: any <see cref="Dataset{TSample}"/> of
/// <c>Tensor[]</c> works with the loader through its indexer, and an implementation must produce
/// exactly what the indexer would.
/// </remarks>
public interface IRowSource
{
    /// <summary>
    /// Whether this instance can copy rows. A wrapper can copy rows only when what it wraps can, so
    /// the loader checks this before using the other members and falls back to the indexer otherwise.
    /// </summary>
    bool CanCopyRows { get; }

    /// <summary>The number of tensors in each sample (2 for features and label).</summary>
    int Positions { get; }

    /// <summary>The shape of the tensor at <paramref name="position"/> in every sample.</summary>
    /// <param name="position">The sample position, in [0, Positions).</param>
    ReadOnlySpan<int> SampleShape(int position);

    /// <summary>Writes the values of sample <paramref name="index"/>'s tensor at <paramref name="position"/> into <paramref name="destination"/>.</summary>
    /// <param name="index">The sample index; negative counts from the end.</param>
    /// <param name="position">The sample position, in [0, Positions).</param>
    /// <param name="destination">Exactly as long as the product of <see cref="SampleShape"/>.</param>
    void CopySample(int index, int position, Span<float> destination);

    /// <summary>
    /// Writes sample <paramref name="index"/>'s tensor at <paramref name="position"/> into
    /// <paramref name="destination"/>, taking any random draws from <paramref name="random"/>: what the loader
    /// calls, with the same generator for every position of a sample (see <see cref="Dataset{TSample}.Read"/>).
    /// </summary>
    /// <remarks>The default ignores <paramref name="random"/>: right for a source without randomness.</remarks>
    /// <param name="index">The sample index; negative counts from the end.</param>
    /// <param name="position">The sample position, in [0, Positions).</param>
    /// <param name="destination">Exactly as long as the product of <see cref="SampleShape"/>.</param>
    /// <param name="random">The sample's generator, made by the loader from (seed, epoch, index).</param>
    void CopySample(int index, int position, Span<float> destination, SampleRandom random) =>
        CopySample(index, position, destination);
}
