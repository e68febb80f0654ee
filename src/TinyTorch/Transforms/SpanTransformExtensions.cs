namespace TinyTorch.Transforms;

/// <summary>
/// Runs an <see cref="ISpanTransform"/> on a whole tensor: the tensor form of every library transform,
/// so the plain and the fused (in-batch) paths share one implementation.
/// </summary>
internal static class SpanTransformExtensions
{
    public static Tensor ApplyToTensor(this ISpanTransform transform, Tensor input)
    {
        var (output, shape) = OutputFor(transform, input);
        transform.Apply(input.Values, input.ShapeSpan, output);
        return new Tensor(output, shape);
    }

    public static Tensor ApplyToTensor(this ISpanTransform transform, Tensor input, ref SampleRandom random)
    {
        var (output, shape) = OutputFor(transform, input);
        transform.Apply(input.Values, input.ShapeSpan, output, ref random);
        return new Tensor(output, shape);
    }

    public static void RequireLength(ReadOnlySpan<float> input, ReadOnlySpan<int> inputShape, Span<float> output, int outputLength)
    {
        RequireInputLength(input, inputShape);
        RequireOutputLength(output, outputLength);
    }

    public static void RequireInputLength(ReadOnlySpan<float> input, ReadOnlySpan<int> inputShape)
    {
        int inputLength = Tensor.ElementCount(inputShape, nameof(inputShape));
        if (input.Length != inputLength)
        {
            throw new ArgumentException($"Input holds {input.Length} values but shape {Tensor.FormatShape(inputShape)} needs {inputLength}.", nameof(input));
        }
    }

    public static void RequireOutputLength(Span<float> output, int outputLength)
    {
        if (output.Length != outputLength)
        {
            throw new ArgumentException($"Output holds {output.Length} values but the transform writes {outputLength}.", nameof(output));
        }
    }

    private static (float[] Output, int[] Shape) OutputFor(ISpanTransform transform, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var shape = transform.OutputShape(input.ShapeSpan);
        return (new float[Tensor.ElementCount(shape, nameof(shape))], shape);
    }
}
