using TinyTorch;

namespace Course.Specs.Doubles;

/// <summary>Test data made from a seed, so every check sees the same inputs on every run.</summary>
public static class Data
{
    /// <summary>A tensor of the given shape with values drawn uniformly from [-1, 1).</summary>
    /// <param name="random">The generator.</param>
    /// <param name="shape">The shape.</param>
    /// <returns>The tensor.</returns>
    public static Tensor RandomTensor(Random random, params int[] shape)
    {
        var t = Tensor.Zeros(shape);
        var span = t.AsSpan();
        for (int i = 0; i < span.Length; i++)
        {
            span[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return t;
    }

    /// <summary>A tensor whose value i is i: every value distinct, so windows and flips can be told apart.</summary>
    /// <param name="shape">The shape.</param>
    /// <returns>The tensor.</returns>
    public static Tensor Iota(params int[] shape)
    {
        var t = Tensor.Zeros(shape);
        var span = t.AsSpan();
        for (int i = 0; i < span.Length; i++)
        {
            span[i] = i + 1;
        }

        return t;
    }
}
