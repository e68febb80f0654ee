namespace TinyTorch;

/// <summary>
/// The random draws of one sample: a small generator whose every output is a pure function of
/// (seed, epoch, sample index, draw number). The <see cref="Data.DataLoader"/> makes one for each
/// sample it reads and hands it down to the dataset and its transforms, so an augmented sample is the
/// same whichever worker thread builds it, however many workers there are, whichever replica of a
/// distributed job reads it, and whether or not earlier epochs ran.
/// </summary>
/// <remarks>
/// <para>
/// <b>Why not one shared generator?</b> A shared <see cref="Random"/> hands out its numbers in the order
/// the threads happen to ask for them, so with two or more workers which sample gets which flip depends
/// on timing. PyTorch gives each worker its own generator (seeded <c>base_seed + worker_id</c>), which
/// is repeatable for a fixed <c>num_workers</c> but changes when the number of workers changes, because
/// a sample's draws depend on which worker builds it. Here a sample's draws depend on the sample alone.
/// </para>
/// <para>
/// <b>How.</b> The generator is counter-based (SplitMix64): the sample's key is a hash of (seed, epoch,
/// index), and draw n is a hash of (key, n). Creating one costs two multiply-xor-shift rounds and no
/// allocation (it is a struct, passed by <c>ref</c> so that the stages of a pipeline draw one after
/// the other). It is not cryptographic, and not thread-safe: each sample's generator belongs to the
/// thread that builds that sample.
/// </para>
/// </remarks>
public struct SampleRandom
{
    // SplitMix64's increment (2^64 / golden ratio) and a second odd constant for forks, so that a fork's
    // key never coincides with one of its parent's draws in practice.
    internal const ulong Gamma = 0x9E3779B97F4A7C15;
    private const ulong ForkGamma = 0xD1B54A32D192ED03;

    // Keeps these keys apart from the Sampler's epoch seeds, which mix the same (seed, epoch) pair.
    private const ulong Domain = 0x5341_4D50_4C45_5301;

    private readonly ulong _key;
    private ulong _counter;

    /// <summary>Creates the generator of sample <paramref name="index"/> in epoch <paramref name="epoch"/> of a loader seeded with <paramref name="seed"/>.</summary>
    /// <param name="seed">The loader's seed (<see cref="Data.DataLoader.Seed"/>).</param>
    /// <param name="epoch">The epoch number, from 0.</param>
    /// <param name="index">The sample's index in the dataset (not its position in the batch or the epoch).</param>
    public SampleRandom(int seed, int epoch, int index)
        : this(EpochKey(seed, epoch), index)
    {
    }

    /// <summary>The generator of sample <paramref name="index"/> under an epoch key from <see cref="EpochKey"/>: what the loader uses, mixing (seed, epoch) once per epoch.</summary>
    internal SampleRandom(ulong epochKey, int index)
        : this(Mix(epochKey + ((ulong)(uint)index + 1) * Gamma))
    {
    }

    private SampleRandom(ulong key)
    {
        _key = key;
        _counter = 0;
    }

    /// <summary>A random integer in [0, <paramref name="maxExclusive"/>), uniformly distributed; 0 when <paramref name="maxExclusive"/> is 0 or 1.</summary>
    /// <param name="maxExclusive">The exclusive upper bound, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExclusive"/> is negative.</exception>
    public int Next(int maxExclusive)
    {
        if (maxExclusive < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive,
                $"maxExclusive must be 0 or more, but was {maxExclusive}.");
        }

        // Lemire's multiply-and-shift: the high half of a 32 x 32-bit product, redrawn in the rare case
        // that would favour some values, so every result is exactly equally likely.
        uint bound = (uint)maxExclusive;
        ulong product = (NextUInt64() >> 32) * bound;
        if ((uint)product < bound)
        {
            uint threshold = (0u - bound) % bound;
            while ((uint)product < threshold)
            {
                product = (NextUInt64() >> 32) * bound;
            }
        }

        return (int)(product >> 32);
    }

    /// <summary>A random number in [0, 1), uniformly distributed on a grid of 2^-53.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// An independent generator for a part of the sample's processing, numbered <paramref name="stream"/>:
    /// a function of this generator's key only, not of the draws made so far, so that parts processed
    /// in any order draw the same numbers. A dataset that wraps another gives it a fork and keeps
    /// this generator for its own transform.
    /// </summary>
    /// <param name="stream">Which fork; different numbers give unrelated generators.</param>
    /// <returns>A new generator, at its first draw.</returns>
    public readonly SampleRandom Fork(int stream) => new(Mix(_key + ((ulong)(uint)stream + 1) * ForkGamma));

    /// <summary>The key of every sample of one epoch: (seed, epoch) mixed once.</summary>
    internal static ulong EpochKey(int seed, int epoch) => Mix((((ulong)(uint)seed << 32) | (uint)epoch) ^ Domain);

    /// <summary>SplitMix64's finaliser (Stafford's variant 13): a bijection on 64 bits in which every input bit affects every output bit.</summary>
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    private ulong NextUInt64() => Mix(_key + ++_counter * Gamma);
}
