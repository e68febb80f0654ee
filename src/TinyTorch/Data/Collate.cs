using System.Buffers;

namespace TinyTorch.Data;

/// <summary>
/// Collation: turning a list of samples, each a tuple of tensors, into one batch, a tuple of
/// tensors, by stacking each sample position along a new dimension 0.
/// </summary>
/// <remarks>
/// This is the loader's most expensive CPU step: it allocates a contiguous block per position and
/// copies every value of every sample into it. Copying each sample once, straight into its slot,
/// is the best a collate can do.
/// </remarks>
public static class Collate
{
    /// <summary>
    /// The default collate function: stacks position p of every sample into one contiguous tensor of
    /// shape [samples.Count, ..shape of position p].
    /// </summary>
    /// <param name="samples">At least one sample; all with the same number of tensors, and the same shape at each position.</param>
    /// <returns>A batch that owns fresh storage.</returns>
    /// <exception cref="ArgumentException">No samples, a sample with no tensors, or samples whose tensor counts or shapes differ (the message names the sample and position).</exception>
    public static Batch Stack(IReadOnlyList<Tensor[]> samples) => StackInto(samples, pool: null);

    internal static Batch StackInto(IReadOnlyList<Tensor[]> samples, ArrayPool<float>? pool)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("Cannot collate an empty list of samples.", nameof(samples));
        }

        var first = samples[0] ?? throw new ArgumentException("Sample 0 is null.", nameof(samples));
        if (first.Length == 0)
        {
            throw new ArgumentException("Sample 0 has no tensors; there is nothing to stack.", nameof(samples));
        }

        var shapes = new int[first.Length][];
        for (int p = 0; p < first.Length; p++)
        {
            shapes[p] = (first[p] ?? throw new ArgumentException($"Sample 0 has a null tensor at position {p}.", nameof(samples)))
                .ShapeSpan.ToArray();
        }

        var storage = BatchStorage.Create(samples.Count, shapes, pool);
        try
        {
            for (int s = 0; s < samples.Count; s++)
            {
                var sample = samples[s] ?? throw new ArgumentException($"Sample {s} is null.", nameof(samples));
                if (sample.Length != first.Length)
                {
                    throw new ArgumentException(
                        $"Sample {s} has {sample.Length} tensors but sample 0 has {first.Length}; every sample needs the same structure.",
                        nameof(samples));
                }

                for (int p = 0; p < sample.Length; p++)
                {
                    var t = sample[p] ?? throw new ArgumentException($"Sample {s} has a null tensor at position {p}.", nameof(samples));
                    if (!t.ShapeSpan.SequenceEqual(shapes[p]))
                    {
                        throw new ArgumentException(
                            $"Sample {s} has shape {Tensor.FormatShape(t.ShapeSpan)} at position {p}, but sample 0 has " +
                            $"{Tensor.FormatShape(shapes[p])}; samples must agree to be stacked.", nameof(samples));
                    }

                    t.Values.CopyTo(storage.Slot(p, s));
                }
            }
        }
        catch
        {
            storage.Abandon();
            throw;
        }

        return storage.ToBatch();
    }
}
