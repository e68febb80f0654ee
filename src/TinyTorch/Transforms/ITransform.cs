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

    /// <summary>
    /// Transforms <paramref name="input"/>, taking any random draws from <paramref name="random"/>, the
    /// generator of the sample being read, instead of the transform's own generator. The loader calls
    /// this form (through <see cref="TransformedDataset"/>), so that a sample's augmentation depends on
    /// (loader seed, epoch, sample index) only, never on which worker thread builds it.
    /// </summary>
    /// <remarks>
    /// The default calls <see cref="Apply(Tensor)"/> and ignores <paramref name="random"/>: right for a
    /// transform without randomness, and a random transform that does not implement this form keeps
    /// drawing from its own generator (reproducible with 0 or 1 workers only).
    /// </remarks>
    /// <param name="input">The sample to transform; left unchanged.</param>
    /// <param name="random">The sample's generator; every draw advances it, so pipeline stages draw in turn.</param>
    /// <returns>A new tensor that does not alias <paramref name="input"/>.</returns>
    Tensor Apply(Tensor input, ref SampleRandom random) => Apply(input);
}
