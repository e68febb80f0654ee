namespace TinyTorch.Transforms;

/// <summary>
/// The geometry of an image tensor: HW (one channel) or CHW (channels first), as the transforms read it.
/// Kept in one place so every transform accepts and rejects exactly the same shapes.
/// </summary>
internal readonly record struct ImageLayout(int Channels, int Height, int Width)
{
    public static ImageLayout Of(ReadOnlySpan<int> shape, string transform)
    {
        if (shape.Length is not (2 or 3))
        {
            throw new ArgumentException(
                $"{transform} expects an image of shape [H, W] or [C, H, W], but got shape {Tensor.FormatShape(shape)}.", "input");
        }

        var layout = shape.Length == 2 ? new ImageLayout(1, shape[0], shape[1]) : new ImageLayout(shape[0], shape[1], shape[2]);
        if (layout.Channels < 1 || layout.Height < 1 || layout.Width < 1)
        {
            throw new ArgumentException(
                $"{transform} got an empty image of shape {Tensor.FormatShape(shape)}; every dimension must be at least 1.", "input");
        }

        return layout;
    }

    public int Plane => Height * Width;

    public int Length => Channels * Plane;

    public int[] Shape(bool hasChannels) => hasChannels ? [Channels, Height, Width] : [Height, Width];

    /// <summary>The element count of <see cref="Shape"/>, with the checks and errors of <see cref="Tensor.ElementCount"/>, without allocating.</summary>
    public int CheckedLength(bool hasChannels, string paramName)
    {
        Span<int> shape = [Channels, Height, Width];
        return Tensor.ElementCount(hasChannels ? shape : shape[1..], paramName);
    }
}
