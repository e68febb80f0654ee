using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Course.Kernel.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace Course.Kernel.Server;

/// <summary>
/// The IOPub channel. NetMQ sockets must not be used from two threads at once, and outputs come from the
/// shell thread, the control thread and the running cell's own threads, so one thread owns the PUB socket and
/// sends what the others queue, in the order they queued it.
/// </summary>
internal sealed class IOPubPublisher : IDisposable
{
    private readonly BlockingCollection<JupyterMessage> _queue = new();
    private readonly PublisherSocket _socket;
    private readonly MessageSigner _signer;
    private readonly string _session;
    private readonly Thread _thread;

    public IOPubPublisher(string endpoint, MessageSigner signer, string session)
    {
        _signer = signer;
        _session = session;
        _socket = new PublisherSocket();
        _socket.Options.Linger = TimeSpan.FromSeconds(1);
        _socket.Options.SendHighWatermark = 100_000;
        _socket.Bind(endpoint);
        _thread = new Thread(SendLoop) { IsBackground = true, Name = "iopub" };
        _thread.Start();
    }

    /// <summary>Queues a message for every front end: <paramref name="type"/> with <paramref name="content"/>, caused by <paramref name="parent"/>.</summary>
    public void Publish(string type, JsonObject content, JupyterMessage? parent)
    {
        byte[] topic = Encoding.UTF8.GetBytes($"kernel.{_session}.{type}");
        JupyterMessage message = JupyterMessage.Create(type, content, _session, parent, [topic]);
        try
        {
            _queue.Add(message);
        }
        catch (InvalidOperationException)
        {
            // Shutting down: nobody is listening any more.
        }
    }

    /// <summary>Publishes <c>status</c> (busy, idle, starting) for a request.</summary>
    public void Status(string state, JupyterMessage? parent) =>
        Publish("status", new JsonObject { ["execution_state"] = state }, parent);

    /// <summary>Sends what is queued, then closes the socket.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join(TimeSpan.FromSeconds(5));
        _socket.Dispose();
        _queue.Dispose();
    }

    private void SendLoop()
    {
        foreach (JupyterMessage message in _queue.GetConsumingEnumerable())
        {
            _socket.SendMultipartBytes(WireFormat.Encode(message, _signer));
        }
    }
}
