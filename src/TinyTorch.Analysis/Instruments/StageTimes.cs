namespace TinyTorch.Analysis.Instruments;

/// <summary>The time one epoch spent in each stage of the loading pipeline and in the consumer.</summary>
/// <param name="Fetch">Reading samples from the dataset (its indexer).</param>
/// <param name="Transform">Applying the transform to each sample.</param>
/// <param name="Collate">Stacking the samples into batch tensors.</param>
/// <param name="Step">The consumer's work on each batch (the training step).</param>
public sealed record StageTimes(TimeSpan Fetch, TimeSpan Transform, TimeSpan Collate, TimeSpan Step)
{
    /// <summary>The stages' names, in pipeline order, as charts label them.</summary>
    public static IReadOnlyList<string> StageNames { get; } = ["sample fetch", "transform", "collate", "consumer step"];

    /// <summary>The sum of the stages.</summary>
    public TimeSpan Total => Fetch + Transform + Collate + Step;

    /// <summary>The stages' times in the order of <see cref="StageNames"/>.</summary>
    public IReadOnlyList<TimeSpan> InOrder => [Fetch, Transform, Collate, Step];
}
