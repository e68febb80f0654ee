namespace TinyTorch.Analysis.Instruments;

/// <summary>What a lane of a starvation timeline was doing during a span.</summary>
public enum TimelineActivity
{
    /// <summary>The accelerator ran a step on a batch.</summary>
    Compute,

    /// <summary>The accelerator sat idle, waiting for the loader's next batch.</summary>
    Waiting,

    /// <summary>A loading thread read samples and built a batch.</summary>
    Loading,
}
