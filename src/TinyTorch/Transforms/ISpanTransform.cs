namespace TinyTorch.Transforms;

/// <summary>
/// A transform that can write its output straight into a destination span, such as the sample's
/// slot in a batch buffer. The loader uses this to fuse augmentation into collation: each sample is
/// read once and written once, with no intermediate tensor.
/// </summary>
/// <remarks>
/// An implementation's <see cref="ITransform.Apply(Tensor)"/> must produce exactly what the span form
/// produces for the same random draws; the library's transforms implement the tensor form on top of
/// the span form so that the two cannot drift apart.
/// </remarks>
public interface ISpanTransform : ITransform
{
    /// <summary>The shape of the output for an input of shape <paramref name="inputShape"/>.</summary>
    /// <param name="inputShape">The input's shape.</param>
    /// <exception cref="ArgumentException">The transform cannot accept that shape (the message says why).</exception>
    int[] OutputShape(ReadOnlySpan<int> inputShape);

    /// <summary>Transforms <paramref name="input"/> of shape <paramref name="inputShape"/> into <paramref name="output"/>.</summary>
    /// <param name="input">The input's values in row-major order.</param>
    /// <param name="inputShape">The input's shape.</param>
    /// <param name="output">Exactly as long as the output shape's element count; must not overlap <paramref name="input"/>.</param>
    void Apply(ReadOnlySpan<float> input, ReadOnlySpan<int> inputShape, Span<float> output);

    /// <summary>
    /// The span form drawing from <paramref name="random"/>, the generator of the sample being read
    /// (see <see cref="ITransform.Apply(Tensor, ref SampleRandom)"/>): what the loader's fused path calls.
    /// </summary>
    /// <remarks>The default calls the span form without a generator: right for a transform without randomness.</remarks>
    /// <param name="input">The input's values in row-major order.</param>
    /// <param name="inputShape">The input's shape.</param>
    /// <param name="output">Exactly as long as the output shape's element count; must not overlap <paramref name="input"/>.</param>
    /// <param name="random">The sample's generator; every draw advances it.</param>
    void Apply(ReadOnlySpan<float> input, ReadOnlySpan<int> inputShape, Span<float> output, ref SampleRandom random) =>
        Apply(input, inputShape, output);
}
