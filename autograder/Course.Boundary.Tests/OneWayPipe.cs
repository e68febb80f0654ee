using System.IO.Pipes;

namespace Course.Boundary.Tests;

/// <summary>
/// An operating-system pipe within this process, as between the parent and the runner: what is written to
/// <see cref="Writer"/> is read from <see cref="Reader"/>; disposing the writer is the end of the stream for the
/// reader, and writing after the reader is gone fails as a write to a dead runner does.
/// </summary>
internal sealed class OneWayPipe : IDisposable
{
    private readonly AnonymousPipeServerStream _writer = new(PipeDirection.Out);

    public OneWayPipe()
    {
        Reader = new AnonymousPipeClientStream(PipeDirection.In, _writer.ClientSafePipeHandle);
    }

    /// <summary>The writing end.</summary>
    public Stream Writer => _writer;

    /// <summary>The reading end.</summary>
    public Stream Reader { get; }

    // Both ends at once: disposing an end blocks while a thread reads or writes through it, until the other end
    // goes (which ends that read or write), and a test may leave either end blocked.
    public void Dispose() => Parallel.Invoke(_writer.Dispose, Reader.Dispose);
}
