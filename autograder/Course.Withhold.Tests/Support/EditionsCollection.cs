namespace Course.Withhold.Tests.Support;

/// <summary>The tests that load the editions: one set of load contexts, and one test at a time (the forwarder is process-wide state of its context).</summary>
[CollectionDefinition(Name)]
public sealed class EditionsCollection : ICollectionFixture<EditionsFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "editions";
}
