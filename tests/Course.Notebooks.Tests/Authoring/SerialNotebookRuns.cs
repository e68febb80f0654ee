namespace Course.Notebooks.Tests.Authoring;

/// <summary>
/// Tests that run whole notebooks with real exercise checks are CPU-heavy; they run alone, after the parallel
/// tests, so they do not starve the engine's timing-sensitive tests (cell timeouts of a few hundred milliseconds).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialNotebookRuns
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Serial notebook runs";
}
