namespace Course.Cli.Commands;

/// <summary>The settings of <c>course demo</c>.</summary>
/// <param name="Records">Records in the synthetic file.</param>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="Epochs">Epochs to stream.</param>
/// <param name="Workers">Background loader threads.</param>
/// <param name="Seed">Seed of the data, shuffle and augmentation.</param>
/// <param name="DataPath">An existing CIFAR file to read instead of writing a synthetic one.</param>
public sealed record DemoOptions(int Records, int BatchSize, int Epochs, int Workers, int Seed, string? DataPath)
{
    /// <summary>Checks that every setting is in range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names its option and value.</exception>
    public void Validate()
    {
        Require(Records >= 1, Records, $"--records must be at least 1, but was {Records}.");
        Require(Epochs >= 1, Epochs, $"--epochs must be at least 1, but was {Epochs}.");
        Require(BatchSize >= 1, BatchSize, $"--batch-size must be at least 1, but was {BatchSize}.");
        Require(Workers >= 0, Workers, $"--workers must be 0 or more, but was {Workers}.");
    }

    private static void Require(bool holds, int value, string message)
    {
        if (!holds)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, message);
        }
    }
}
