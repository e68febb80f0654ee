namespace TinyTorch.Analysis.Tests.Support;

/// <summary>
/// Tests that read process-wide state (the managed heap's size, environment variables) run alone,
/// after the parallel ones, so that other tests' allocations cannot leak into their readings.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasurementCollection
{
    public const string Name = "Process-wide measurements";
}
