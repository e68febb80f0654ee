namespace TinyTorch.Transforms;

/// <summary>
/// Pads an image with <see cref="Padding"/> zeros on every side, then cuts out a window of
/// <see cref="Height"/> × <see cref="Width"/> at a random position: augmentation that teaches a model
/// that position does not change the class. Works on HW and CHW images (crops the last two axes).
/// </summary>
/// <remarks>
/// The top-left corner of the window is drawn uniformly from [0, H + 2·padding − height] ×
/// [0, W + 2·padding − width] (top first, then left), so with the usual setting (crop size equal to
/// the image size) the image shifts by up to ±padding pixels. The padded image is never built: each
/// output row is copied from the source row it overlaps, and the rest is zero.
/// Applied by hand, the crop draws from its own generator; read through a <see cref="Data.DataLoader"/>,
/// from each sample's <see cref="SampleRandom"/> (see <see cref="RandomHorizontalFlip"/>).
/// </remarks>
public sealed class RandomCrop : ISpanTransform, IWindowTransform
{
    private readonly Random _random;

    /// <summary>Creates a square crop with its own generator.</summary>
    /// <param name="size">The output's height and width, at least 1.</param>
    /// <param name="padding">Zeros added on every side before cropping, at least 0.</param>
    /// <param name="seed">The generator's seed; null draws one at random.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> or <paramref name="padding"/> is out of range.</exception>
    public RandomCrop(int size, int padding = 4, int? seed = null)
        : this(size, size, padding, seed is null ? new Random() : new Random(seed.Value))
    {
    }

    /// <summary>Creates a crop drawing from <paramref name="random"/>.</summary>
    /// <param name="height">The output's height, at least 1.</param>
    /// <param name="width">The output's width, at least 1.</param>
    /// <param name="padding">Zeros added on every side before cropping, at least 0.</param>
    /// <param name="random">The generator to draw from.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or the padding is out of range.</exception>
    public RandomCrop(int height, int width, int padding, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (height < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, $"The crop height must be at least 1, but was {height}.");
        }

        if (width < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"The crop width must be at least 1, but was {width}.");
        }

        if (padding < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(padding), padding, $"padding must be 0 or more, but was {padding}.");
        }

        Height = height;
        Width = width;
        Padding = padding;
        _random = random;
    }

    /// <summary>The output's height.</summary>
    public int Height { get; }

    /// <summary>The output's width.</summary>
    public int Width { get; }

    /// <summary>The zeros added on every side before cropping.</summary>
    public int Padding { get; }

    /// <inheritdoc/>
    public Tensor Apply(Tensor input) => this.ApplyToTensor(input);

    /// <inheritdoc/>
    public Tensor Apply(Tensor input, ref SampleRandom random) => this.ApplyToTensor(input, ref random);

    /// <inheritdoc/>
    public int[] OutputShape(ReadOnlySpan<int> inputShape) =>
        Fit(ImageLayout.Of(inputShape, nameof(RandomCrop))).Shape(inputShape.Length == 3);

    /// <inheritdoc/>
    public void Apply(ReadOnlySpan<float> input, ReadOnlySpan<int> inputShape, Span<float> output) =>
        Apply(input, inputShape, output, Draws.OwnStreams);

    /// <inheritdoc/>
    public void Apply(ReadOnlySpan<float> input, ReadOnlySpan<int> inputShape, Span<float> output, ref SampleRandom random) =>
        Apply(input, inputShape, output, new Draws(ref random));

    ImageLayout IWindowTransform.Layout(ReadOnlySpan<int> inputShape) => ImageLayout.Of(inputShape, nameof(RandomCrop));

    ImageLayout IWindowTransform.Validate(ImageLayout image) => Fit(image);

    void IWindowTransform.Draw(ref WindowPlan plan, Draws draws) => Draw(ref plan, draws);

    private void Apply(ReadOnlySpan<float> input, ReadOnlySpan<int> inputShape, Span<float> output, Draws draws)
    {
        var image = ImageLayout.Of(inputShape, nameof(RandomCrop));
        var crop = Fit(image);
        SpanTransformExtensions.RequireLength(input, inputShape, output, crop.Length);
        // The same one-pass copy that Compose uses when a crop follows a flip (see WindowPlan).
        var plan = new WindowPlan(image);
        Draw(ref plan, draws);
        plan.Execute(input, output);
    }

    private void Draw(ref WindowPlan plan, Draws draws)
    {
        var image = plan.Current;
        (int top, int left) = draws.For(_random).Next(image.Height + 2 * Padding - Height + 1, image.Width + 2 * Padding - Width + 1);
        plan.Crop(top - Padding, left - Padding, Height, Width);
    }

    private ImageLayout Fit(ImageLayout image)
    {
        int paddedHeight = image.Height + 2 * Padding;
        int paddedWidth = image.Width + 2 * Padding;
        if (Height > paddedHeight || Width > paddedWidth)
        {
            throw new ArgumentException(
                $"Crop size {Height}x{Width} is larger than the padded image {paddedHeight}x{paddedWidth} " +
                $"(image {image.Height}x{image.Width} plus padding {Padding} on each side).", "size");
        }

        return image with { Height = Height, Width = Width };
    }
}
