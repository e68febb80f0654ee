namespace TinyTorch.Transforms;

/// <summary>
/// Mirrors an image left to right with probability <see cref="P"/>: augmentation that teaches a model
/// that orientation does not change the class. Works on HW and CHW images (flips the last axis).
/// </summary>
/// <remarks>
/// <para>
/// The output is always a new tensor, flipped or not: a view or the input itself would let later
/// stages of the pipeline write into the dataset.
/// </para>
/// <para>
/// Applied by hand, the flip draws from its own generator (the <c>seed</c> or <see cref="Random"/> it was
/// created with). Read through a <see cref="Data.DataLoader"/>, it draws from each sample's
/// <see cref="SampleRandom"/> instead, so the loader's seed, not this one, decides the loader's batches.
/// </para>
/// </remarks>
public sealed class RandomHorizontalFlip : ISpanTransform, IWindowTransform
{
    private readonly Random _random;

    /// <summary>Creates the flip with its own generator.</summary>
    /// <param name="p">The probability of flipping, in [0, 1].</param>
    /// <param name="seed">The generator's seed; null draws one at random.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1] or not a number.</exception>
    public RandomHorizontalFlip(double p = 0.5, int? seed = null)
        : this(p, seed is null ? new Random() : new Random(seed.Value))
    {
    }

    /// <summary>Creates the flip drawing from <paramref name="random"/>.</summary>
    /// <param name="p">The probability of flipping, in [0, 1].</param>
    /// <param name="random">The generator to draw from (shared with other transforms if you wish).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1] or not a number.</exception>
    public RandomHorizontalFlip(double p, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, $"p is a probability and must be in [0, 1], but was {p}.");
        }

        P = p;
        _random = random;
    }

    /// <summary>The probability of flipping.</summary>
    public double P { get; }

    /// <inheritdoc/>
    public Tensor Apply(Tensor input) => this.ApplyToTensor(input);

    /// <inheritdoc/>
    public Tensor Apply(Tensor input, ref SampleRandom random) => this.ApplyToTensor(input, ref random);

    /// <inheritdoc/>
    public int[] OutputShape(ReadOnlySpan<int> inputShape)
    {
        ImageLayout.Of(inputShape, nameof(RandomHorizontalFlip));
        return inputShape.ToArray();
    }

    /// <inheritdoc/>
    public void Apply(ReadOnlySpan<float> input, ReadOnlySpan<int> inputShape, Span<float> output) =>
        Apply(input, inputShape, output, Draws.OwnStreams);

    /// <inheritdoc/>
    public void Apply(ReadOnlySpan<float> input, ReadOnlySpan<int> inputShape, Span<float> output, ref SampleRandom random) =>
        Apply(input, inputShape, output, new Draws(ref random));

    ImageLayout IWindowTransform.Layout(ReadOnlySpan<int> inputShape) => ImageLayout.Of(inputShape, nameof(RandomHorizontalFlip));

    ImageLayout IWindowTransform.Validate(ImageLayout image) => image;

    void IWindowTransform.Draw(ref WindowPlan plan, Draws draws)
    {
        if (Flips(draws))
        {
            plan.FlipHorizontally();
        }
    }

    private void Apply(ReadOnlySpan<float> input, ReadOnlySpan<int> inputShape, Span<float> output, Draws draws)
    {
        var image = ImageLayout.Of(inputShape, nameof(RandomHorizontalFlip));
        SpanTransformExtensions.RequireLength(input, inputShape, output, image.Length);
        if (!Flips(draws))
        {
            input.CopyTo(output);
            return;
        }

        // Row by row, each row copied backwards in one vectorised pass (see WindowPlan).
        var plan = new WindowPlan(image);
        plan.FlipHorizontally();
        plan.Execute(input, output);
    }

    // Exactly one draw per call, whatever P is, so the draws of later stages never depend on this one's outcome.
    private bool Flips(Draws draws) => draws.For(_random).NextDouble() < P;
}
