using NetMQ;
using NetMQ.Sockets;

namespace Course.Kernel.Server;

/// <summary>The heartbeat channel: a REP socket on its own thread that echoes every ping, even while a cell runs.</summary>
internal sealed class Heartbeat : IDisposable
{
    private readonly ResponseSocket _socket;
    private readonly Thread _thread;
    private volatile bool _stopping;

    public Heartbeat(string endpoint)
    {
        _socket = new ResponseSocket();
        _socket.Options.Linger = TimeSpan.Zero;
        _socket.Bind(endpoint);
        _thread = new Thread(EchoLoop) { IsBackground = true, Name = "heartbeat" };
        _thread.Start();
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join(TimeSpan.FromSeconds(2));
        _socket.Dispose();
    }

    private void EchoLoop()
    {
        var frames = new List<byte[]>();
        while (!_stopping)
        {
            if (_socket.TryReceiveMultipartBytes(TimeSpan.FromMilliseconds(100), ref frames))
            {
                _socket.SendMultipartBytes(frames);
            }
        }
    }
}
