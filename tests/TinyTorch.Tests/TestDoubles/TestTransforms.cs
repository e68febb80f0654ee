using TinyTorch.Transforms;

namespace TinyTorch.Tests.TestDoubles;

/// <summary>Adds a constant: a plain <see cref="ITransform"/> (no span form), as a student would write one.</summary>
internal sealed class AddConstant(float value) : ITransform
{
    public Tensor Apply(Tensor input)
    {
        var data = input.ToArray();
        for (int i = 0; i < data.Length; i++)
        {
            data[i] += value;
        }

        return new Tensor(data, [.. input.Shape]);
    }
}

/// <summary>Multiplies by a constant: an <see cref="ISpanTransform"/> that accepts any shape.</summary>
internal sealed class MultiplyBy(float factor) : ISpanTransform
{
    public Tensor Apply(Tensor input)
    {
        var output = new float[input.Length];
        Apply(input.Values, [.. input.Shape], output);
        return new Tensor(output, [.. input.Shape]);
    }

    public int[] OutputShape(ReadOnlySpan<int> inputShape) => inputShape.ToArray();

    public void Apply(ReadOnlySpan<float> input, ReadOnlySpan<int> inputShape, Span<float> output)
    {
        for (int i = 0; i < input.Length; i++)
        {
            output[i] = input[i] * factor;
        }
    }
}

/// <summary>A badly behaved transform that returns its input itself (it aliases), to test that wrappers still never alias.</summary>
internal sealed class ReturnsInput : ITransform
{
    public Tensor Apply(Tensor input) => input;
}

/// <summary>A transform that throws for every input.</summary>
internal sealed class Throws(Exception exception) : ITransform
{
    public Tensor Apply(Tensor input) => throw exception;
}
