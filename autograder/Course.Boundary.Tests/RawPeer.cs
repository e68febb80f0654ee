using System.Text.Json.Nodes;

namespace Course.Boundary.Tests;

/// <summary>
/// A channel under test and the other end of its pipes in the test's hands: the test plays the peer frame by frame
/// (or byte by byte), as a hostile runner writing to its real standard output would.
/// </summary>
internal sealed class RawPeer : IDisposable
{
    private readonly OneWayPipe _toChannel = new();
    private readonly OneWayPipe _fromChannel = new();

    /// <summary>Starts a channel whose calls the test answers.</summary>
    /// <param name="handler">How the channel serves the test's calls.</param>
    public RawPeer(Func<BoundaryCall, BoundaryReply>? handler = null)
    {
        Channel = new BoundaryChannel(_toChannel.Reader, _fromChannel.Writer, handler ?? (_ => BoundaryReply.Empty), "the test peer");
        Channel.Start();
    }

    /// <summary>The channel under test.</summary>
    public BoundaryChannel Channel { get; }

    /// <summary>Reads the channel's next frame (null at its end).</summary>
    /// <returns>The frame.</returns>
    public Frame? Receive() => FrameCodec.Read(_fromChannel.Reader);

    /// <summary>Sends a well-formed frame to the channel.</summary>
    /// <param name="frame">The frame.</param>
    public void Send(Frame frame) => FrameCodec.Write(_toChannel.Writer, frame);

    /// <summary>Sends bytes to the channel, whatever they are.</summary>
    /// <param name="bytes">The bytes.</param>
    public void SendBytes(byte[] bytes)
    {
        _toChannel.Writer.Write(bytes);
        _toChannel.Writer.Flush();
    }

    /// <summary>Answers a call with a result.</summary>
    /// <param name="call">The call.</param>
    /// <param name="body">The result.</param>
    public void Answer(Frame call, JsonObject body) => Send(new Frame(call.Id, FrameKind.Result, string.Empty, 0, body, ReadOnlyMemory<byte>.Empty));

    /// <summary>Ends the stream the channel reads, as a runner that exits does.</summary>
    public void CloseToChannel() => _toChannel.Writer.Dispose();

    /// <summary>Stops reading what the channel writes, as a runner that exits does.</summary>
    public void CloseFromChannel() => _fromChannel.Reader.Dispose();

    public void Dispose()
    {
        Channel.Dispose();
        _toChannel.Dispose();
        _fromChannel.Dispose();
    }
}
