namespace TinyTorch.Analysis.Measurement;

/// <summary>The statistic the kit's measurements report.</summary>
public static class Statistics
{
    /// <summary>
    /// The median (the mean of the middle two for an even count): on a shared, noisy machine one slow repetition
    /// (a GC, another process) must not move the figure, which is why measurements repeat and report this rather
    /// than the mean.
    /// </summary>
    /// <param name="samples">The measurements, in any order.</param>
    /// <returns>Their median.</returns>
    /// <exception cref="ArgumentException">There are no samples.</exception>
    public static double Median(IEnumerable<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        double[] sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No samples to take the median of.", nameof(samples));
        }

        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
