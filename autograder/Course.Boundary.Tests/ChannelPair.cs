namespace Course.Boundary.Tests;

/// <summary>Two channels joined by pipes, as the parent's and the runner's are.</summary>
internal sealed class ChannelPair : IDisposable
{
    private readonly OneWayPipe _parentToRunner = new();
    private readonly OneWayPipe _runnerToParent = new();

    /// <summary>Starts both ends.</summary>
    /// <param name="parent">How the parent serves the runner's calls.</param>
    /// <param name="runner">How the runner serves the parent's calls.</param>
    public ChannelPair(Func<BoundaryCall, BoundaryReply> parent, Func<BoundaryCall, BoundaryReply> runner)
    {
        Parent = new BoundaryChannel(_runnerToParent.Reader, _parentToRunner.Writer, parent, "the runner");
        Runner = new BoundaryChannel(_parentToRunner.Reader, _runnerToParent.Writer, runner, "the parent");
        Parent.Start();
        Runner.Start();
    }

    /// <summary>The parent's end.</summary>
    public BoundaryChannel Parent { get; }

    /// <summary>The runner's end.</summary>
    public BoundaryChannel Runner { get; }

    public void Dispose()
    {
        Parent.Dispose();
        Runner.Dispose();
        _parentToRunner.Dispose();
        _runnerToParent.Dispose();
    }
}
