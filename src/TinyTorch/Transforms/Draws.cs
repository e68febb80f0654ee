using System.Runtime.CompilerServices;

namespace TinyTorch.Transforms;

/// <summary>
/// Where a random transform takes its numbers from: either the sample's <see cref="SampleRandom"/>
/// (when the loader reads a sample), or, for a transform applied by hand, each stage's own seeded
/// <see cref="Random"/>. One code path draws for both, so the fused pipeline, the stage-by-stage
/// pipeline and the single transforms make exactly the same draws in each mode.
/// </summary>
/// <remarks>
/// A ref struct holding a reference to the caller's generator, so that a pipeline's stages advance one
/// generator in turn without copying it back and forth, and nothing is allocated per sample.
/// </remarks>
internal readonly ref struct Draws
{
    private readonly Random? _own;
    private readonly ref SampleRandom _sample;

    /// <summary>Draws from <paramref name="sample"/>, advancing it.</summary>
    public Draws(ref SampleRandom sample) => _sample = ref sample;

    private Draws(Random own) => _own = own;

    /// <summary>Each stage draws from its own generator (see <see cref="For"/>).</summary>
    public static Draws OwnStreams => default;

    /// <summary>Whether the draws come from a sample's generator rather than from the stages' own.</summary>
    public bool FromSample => !Unsafe.IsNullRef(ref _sample);

    /// <summary>The sample's generator; only when <see cref="FromSample"/>.</summary>
    public ref SampleRandom Sample => ref _sample;

    /// <summary>What a stage whose own generator is <paramref name="own"/> draws from.</summary>
    public Draws For(Random own) => FromSample ? this : new Draws(own);

    public double NextDouble()
    {
        if (_own is null)
        {
            return _sample.NextDouble();
        }

        // A Random is not thread-safe, and a transform applied by hand may be shared between threads.
        lock (_own)
        {
            return _own.NextDouble();
        }
    }

    /// <summary>Two draws in [0, first) then [0, second): under one lock for a shared generator, so a pair is never split between threads.</summary>
    public (int First, int Second) Next(int firstMaxExclusive, int secondMaxExclusive)
    {
        if (_own is null)
        {
            return (_sample.Next(firstMaxExclusive), _sample.Next(secondMaxExclusive));
        }

        lock (_own)
        {
            return (_own.Next(firstMaxExclusive), _own.Next(secondMaxExclusive));
        }
    }
}
