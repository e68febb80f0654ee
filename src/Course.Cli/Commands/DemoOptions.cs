namespace Course.Cli.Commands;

/// <summary>The settings of <c>course demo</c>.</summary>
/// <param name="Records">Records in the synthetic file.</param>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="Epochs">Epochs to stream.</param>
/// <param name="Workers">Background loader threads.</param>
/// <param name="Seed">Seed of the data, shuffle and augmentation.</param>
/// <param name="DataPath">An existing CIFAR file to read instead of writing a synthetic one.</param>
public sealed record DemoOptions(int Records, int BatchSize, int Epochs, int Workers, int Seed, string? DataPath);
