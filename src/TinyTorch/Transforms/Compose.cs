using System.Buffers;

namespace TinyTorch.Transforms;

/// <summary>
/// Chains transforms into a pipeline: the output of each is the input of the next, in the order given,
/// e.g. <c>new Compose(new RandomHorizontalFlip(), new RandomCrop(32, padding: 4))</c>.
/// </summary>
/// <remarks>
/// Applied by hand, each stage draws from its own generator; given a sample's <see cref="SampleRandom"/>
/// (as the loader does), every stage draws from that one generator in turn.
/// </remarks>
public sealed class Compose : ISpanTransform
{
    private readonly ITransform[] _transforms;
    private readonly ISpanTransform[]? _spanTransforms;
    private readonly IWindowTransform[]? _windows;

    /// <summary>Creates the pipeline.</summary>
    /// <param name="transforms">The stages, applied first to last; none may be null. No stages copies the input.</param>
    /// <exception cref="ArgumentException">A stage is null.</exception>
    public Compose(params ITransform[] transforms)
    {
        ArgumentNullException.ThrowIfNull(transforms);
        for (int i = 0; i < transforms.Length; i++)
        {
            if (transforms[i] is null)
            {
                throw new ArgumentException($"Transform {i} of the pipeline is null.", nameof(transforms));
            }
        }

        _transforms = (ITransform[])transforms.Clone();
        _spanTransforms = Array.TrueForAll(_transforms, t => t is ISpanTransform && (t is not Compose nested || nested.CanFuse))
            ? Array.ConvertAll(_transforms, t => (ISpanTransform)t)
            : null;
        // A pipeline of pixel-moving stages only (flips and crops) runs as one pass: see ApplyWindows.
        _windows = _transforms.Length >= 2 && Array.TrueForAll(_transforms, t => t is IWindowTransform)
            ? Array.ConvertAll(_transforms, t => (IWindowTransform)t)
            : null;
    }

    /// <summary>The stages, in the order they run.</summary>
    public IReadOnlyList<ITransform> Transforms => Array.AsReadOnly(_transforms);

    /// <summary>Whether every stage can write into a span, so the whole pipeline can be fused into collation.</summary>
    public bool CanFuse => _spanTransforms is not null;

    /// <inheritdoc/>
    public Tensor Apply(Tensor input) => Apply(input, Draws.OwnStreams);

    /// <inheritdoc/>
    /// <remarks>The stages draw from <paramref name="random"/> one after the other, in pipeline order.</remarks>
    public Tensor Apply(Tensor input, ref SampleRandom random) => Apply(input, new Draws(ref random));

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">A stage is not an <see cref="ISpanTransform"/> (see <see cref="CanFuse"/>).</exception>
    public int[] OutputShape(ReadOnlySpan<int> inputShape)
    {
        int[] shape = inputShape.ToArray();
        foreach (var t in SpanStages())
        {
            shape = t.OutputShape(shape);
        }

        return shape;
    }

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">A stage is not an <see cref="ISpanTransform"/> (see <see cref="CanFuse"/>).</exception>
    public void Apply(ReadOnlySpan<float> input, ReadOnlySpan<int> inputShape, Span<float> output) =>
        Apply(input, inputShape, output, Draws.OwnStreams);

    /// <inheritdoc/>
    /// <remarks>The stages draw from <paramref name="random"/> one after the other, in pipeline order.</remarks>
    /// <exception cref="NotSupportedException">A stage is not an <see cref="ISpanTransform"/> (see <see cref="CanFuse"/>).</exception>
    public void Apply(ReadOnlySpan<float> input, ReadOnlySpan<int> inputShape, Span<float> output, ref SampleRandom random) =>
        Apply(input, inputShape, output, new Draws(ref random));

    private Tensor Apply(Tensor input, Draws draws)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (CanFuse)
        {
            return draws.FromSample ? this.ApplyToTensor(input, ref draws.Sample) : this.ApplyToTensor(input);
        }

        var x = input.Clone();
        foreach (var t in _transforms)
        {
            x = draws.FromSample ? t.Apply(x, ref draws.Sample) : t.Apply(x);
        }

        return x;
    }

    private void Apply(ReadOnlySpan<float> input, ReadOnlySpan<int> inputShape, Span<float> output, Draws draws)
    {
        var stages = SpanStages();
        if (stages.Length == 0)
        {
            SpanTransformExtensions.RequireLength(input, inputShape, output, input.Length);
            input.CopyTo(output);
            return;
        }

        if (_windows is not null)
        {
            ApplyWindows(_windows, input, inputShape, output, draws);
            return;
        }

        // Intermediate results alternate between two pooled buffers; the last stage writes straight
        // into the output.
        float[]?[] scratch = new float[2][];
        try
        {
            int[] shape = inputShape.ToArray();
            ReadOnlySpan<float> current = input;
            for (int i = 0; i < stages.Length; i++)
            {
                int[] next = stages[i].OutputShape(shape);
                Span<float> target = i == stages.Length - 1 ? output : Rent(scratch, i % 2, Tensor.ElementCount(next, nameof(inputShape)));
                if (draws.FromSample)
                {
                    stages[i].Apply(current, shape, target, ref draws.Sample);
                }
                else
                {
                    stages[i].Apply(current, shape, target);
                }

                current = target;
                shape = next;
            }
        }
        finally
        {
            foreach (var buffer in scratch)
            {
                if (buffer is not null)
                {
                    ArrayPool<float>.Shared.Return(buffer);
                }
            }
        }
    }

    /// <summary>
    /// Runs a pipeline of flips and crops as one pass: each stage draws its randomness in order and is
    /// composed into a <see cref="WindowPlan"/>, then every output row is copied once, straight from
    /// the input (reversed if flipped) into the output, with no intermediate image. The checks, their
    /// order, the random draws and the output are exactly those of running the stages one by one.
    /// </summary>
    private static void ApplyWindows(IWindowTransform[] windows, ReadOnlySpan<float> input, ReadOnlySpan<int> inputShape, Span<float> output, Draws draws)
    {
        bool hasChannels = inputShape.Length == 3;
        var plan = new WindowPlan(windows[0].Layout(inputShape));
        int last = windows.Length - 1;
        for (int i = 0; i <= last; i++)
        {
            var next = windows[i].Validate(plan.Current);
            if (i < last)
            {
                // Where the stage-by-stage path sizes its intermediate buffer.
                next.CheckedLength(hasChannels, nameof(inputShape));
            }

            if (i == 0)
            {
                SpanTransformExtensions.RequireInputLength(input, inputShape);
            }

            if (i == last)
            {
                SpanTransformExtensions.RequireOutputLength(output, next.Length);
            }

            windows[i].Draw(ref plan, draws);
        }

        plan.Execute(input, output);
    }

    private static Span<float> Rent(float[]?[] scratch, int slot, int length)
    {
        if (scratch[slot] is { } held && held.Length >= length)
        {
            return held.AsSpan(0, length);
        }

        if (scratch[slot] is { } small)
        {
            ArrayPool<float>.Shared.Return(small);
        }

        scratch[slot] = ArrayPool<float>.Shared.Rent(length);
        return scratch[slot].AsSpan(0, length);
    }

    private ISpanTransform[] SpanStages() =>
        _spanTransforms ?? throw new NotSupportedException(
            "This pipeline has a stage that is not an ISpanTransform, so it cannot write into a span; use Apply(Tensor).");
}
