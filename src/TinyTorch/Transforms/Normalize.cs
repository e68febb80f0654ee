using System.Globalization;

namespace TinyTorch.Transforms;

/// <summary>
/// Standardises each channel of an image: <c>(x − mean[c]) / std[c]</c>, so that inputs arrive
/// centred and scaled as the model expects. Deterministic: apply it to training and validation data alike.
/// </summary>
public sealed class Normalize : ISpanTransform
{
    private readonly float[] _mean;
    private readonly float[] _std;

    /// <summary>Creates the transform for images with <c>mean.Length</c> channels.</summary>
    /// <param name="mean">Per-channel means.</param>
    /// <param name="std">Per-channel standard deviations, each greater than 0.</param>
    /// <exception cref="ArgumentException">The lists are empty or differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A standard deviation is 0, negative or not a number.</exception>
    public Normalize(float[] mean, float[] std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Length == 0)
        {
            throw new ArgumentException("Normalize needs at least one channel's mean and std.", nameof(mean));
        }

        if (mean.Length != std.Length)
        {
            throw new ArgumentException($"mean has {mean.Length} channels but std has {std.Length}; give one of each per channel.", nameof(std));
        }

        for (int c = 0; c < std.Length; c++)
        {
            if (!float.IsFinite(mean[c]))
            {
                throw new ArgumentOutOfRangeException(nameof(mean), mean[c],
                    string.Create(CultureInfo.InvariantCulture, $"mean[{c}] must be a finite number, but was {mean[c]}."));
            }

            if (!(float.IsFinite(std[c]) && std[c] > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(std), std[c],
                    string.Create(CultureInfo.InvariantCulture, $"std[{c}] must be a finite number greater than 0, but was {std[c]}."));
            }
        }

        _mean = (float[])mean.Clone();
        _std = (float[])std.Clone();
    }

    /// <summary>The per-channel means.</summary>
    public IReadOnlyList<float> Mean => Array.AsReadOnly(_mean);

    /// <summary>The per-channel standard deviations.</summary>
    public IReadOnlyList<float> Std => Array.AsReadOnly(_std);

    /// <inheritdoc/>
    public Tensor Apply(Tensor input) => this.ApplyToTensor(input);

    /// <inheritdoc/>
    public int[] OutputShape(ReadOnlySpan<int> inputShape)
    {
        Check(inputShape);
        return inputShape.ToArray();
    }

    /// <inheritdoc/>
    public void Apply(ReadOnlySpan<float> input, ReadOnlySpan<int> inputShape, Span<float> output)
    {
        var image = Check(inputShape);
        SpanTransformExtensions.RequireLength(input, inputShape, output, image.Length);
        for (int c = 0; c < image.Channels; c++)
        {
            float mean = _mean[c];
            float std = _std[c];
            var src = input.Slice(c * image.Plane, image.Plane);
            var dst = output.Slice(c * image.Plane, image.Plane);
            for (int i = 0; i < src.Length; i++)
            {
                dst[i] = (src[i] - mean) / std;
            }
        }
    }

    private ImageLayout Check(ReadOnlySpan<int> inputShape)
    {
        var image = ImageLayout.Of(inputShape, nameof(Normalize));
        if (image.Channels != _mean.Length)
        {
            throw new ArgumentException(
                $"Normalize was set up for {_mean.Length} channels but the image of shape {Tensor.FormatShape(inputShape)} has {image.Channels}.",
                "input");
        }

        return image;
    }
}
