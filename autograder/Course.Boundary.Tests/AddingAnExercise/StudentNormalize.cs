using TinyTorch;
using TinyTorch.Transforms;

namespace Course.Boundary.Tests.AddingAnExercise;

/// <summary>A student's answer to the example exercise, right or (with <paramref name="wrong"/>) forgetting the mean.</summary>
/// <param name="mean">The mean.</param>
/// <param name="std">The standard deviation.</param>
/// <param name="wrong">Whether to forget to subtract the mean.</param>
internal sealed class StudentNormalize(float mean, float std, bool wrong = false) : ITransform
{
    public Tensor Apply(Tensor input) =>
        new(input.Values.ToArray().Select(x => (wrong ? x : x - mean) / std).ToArray(), input.Shape.ToArray());
}
