namespace TinyTorch.Transforms;

/// <summary>
/// A transform takes a tensor (one sample's features, e.g. a CHW image) and returns a new tensor.
/// The output never shares storage with the input, so a transform can never corrupt the dataset it
/// reads from, and later stages can write to its output freely.
/// </summary>
public interface ITransform
{
    /// <summary>Transforms <paramref name="input"/> into a new tensor.</summary>
    /// <param name="input">The sample to transform; left unchanged.</param>
    /// <returns>A new tensor that does not alias <paramref name="input"/>.</returns>
    Tensor Apply(Tensor input);
}
