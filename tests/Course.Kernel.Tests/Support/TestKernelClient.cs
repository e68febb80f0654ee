using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Course.Kernel.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace Course.Kernel.Tests.Support;

/// <summary>
/// A minimal Jupyter client for the tests: DEALER sockets on shell and control, a SUB socket on IOPub and a REQ
/// socket on the heartbeat, signing with the connection's key, as jupyter_client does.
/// </summary>
public sealed class TestKernelClient : IDisposable
{
    private readonly MessageSigner _signer;
    private readonly string _session = Guid.NewGuid().ToString("N");
    private readonly List<JupyterMessage> _iopubBacklog = [];

    /// <summary>Connects to a kernel's sockets (which may not be bound yet: ZeroMQ reconnects).</summary>
    /// <param name="connection">The kernel's connection information.</param>
    public TestKernelClient(ConnectionInfo connection)
    {
        Connection = connection;
        _signer = new MessageSigner(connection.Key);
        Shell = Dealer(connection.ShellPort);
        Control = Dealer(connection.ControlPort);
        IOPub = new SubscriberSocket();
        IOPub.Options.Linger = TimeSpan.Zero;
        IOPub.SubscribeToAnyTopic();
        IOPub.Connect(Endpoint(connection.IOPubPort));
        Heartbeat = new RequestSocket();
        Heartbeat.Options.Linger = TimeSpan.Zero;
        Heartbeat.Connect(Endpoint(connection.HeartbeatPort));
    }

    /// <summary>The connection.</summary>
    public ConnectionInfo Connection { get; }

    /// <summary>The shell channel.</summary>
    public DealerSocket Shell { get; }

    /// <summary>The control channel.</summary>
    public DealerSocket Control { get; }

    /// <summary>The IOPub channel.</summary>
    public SubscriberSocket IOPub { get; }

    /// <summary>The heartbeat channel.</summary>
    public RequestSocket Heartbeat { get; }

    /// <summary>A connection on five free loopback ports with a random key.</summary>
    /// <param name="key">The signing key; null for a random one.</param>
    /// <returns>The connection information.</returns>
    public static ConnectionInfo NewConnection(string? key = null)
    {
        var listeners = Enumerable.Range(0, 5).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        foreach (TcpListener listener in listeners)
        {
            listener.Start();
        }

        int[] ports = listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        foreach (TcpListener listener in listeners)
        {
            listener.Stop();
        }

        return new ConnectionInfo
        {
            Transport = "tcp",
            IP = "127.0.0.1",
            ShellPort = ports[0],
            IOPubPort = ports[1],
            StdinPort = ports[2],
            ControlPort = ports[3],
            HeartbeatPort = ports[4],
            Key = key ?? Guid.NewGuid().ToString(),
        };
    }

    /// <summary>The connection as a connection file's JSON.</summary>
    /// <param name="connection">The connection.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(ConnectionInfo connection) => new JsonObject
    {
        ["transport"] = connection.Transport,
        ["ip"] = connection.IP,
        ["shell_port"] = connection.ShellPort,
        ["iopub_port"] = connection.IOPubPort,
        ["stdin_port"] = connection.StdinPort,
        ["control_port"] = connection.ControlPort,
        ["hb_port"] = connection.HeartbeatPort,
        ["key"] = connection.Key,
        ["signature_scheme"] = "hmac-sha256",
        ["kernel_name"] = "test",
    }.ToJsonString();

    /// <summary>Sends a request.</summary>
    /// <param name="socket">The channel (<see cref="Shell"/> or <see cref="Control"/>).</param>
    /// <param name="type">The message type.</param>
    /// <param name="content">The content.</param>
    /// <param name="signer">Another signer (to send a badly signed message); null for the connection's.</param>
    /// <returns>The request's msg_id.</returns>
    public string Send(DealerSocket socket, string type, JsonObject content, MessageSigner? signer = null)
    {
        JupyterMessage message = JupyterMessage.Create(type, content, _session, null, []);
        socket.SendMultipartBytes(WireFormat.Encode(message, signer ?? _signer));
        return message.MessageId;
    }

    /// <summary>Waits for the reply to a request.</summary>
    /// <param name="socket">The channel it was sent on.</param>
    /// <param name="messageId">The request's msg_id.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The reply, or null on timeout.</returns>
    public JupyterMessage? Reply(DealerSocket socket, string messageId, TimeSpan timeout)
    {
        DateTime until = DateTime.UtcNow + timeout;
        var frames = new List<byte[]>();
        while (DateTime.UtcNow < until)
        {
            if (!socket.TryReceiveMultipartBytes(until - DateTime.UtcNow, ref frames))
            {
                return null;
            }

            Assert.True(WireFormat.TryDecode(frames, _signer, out JupyterMessage? reply, out string? error), error);
            if (Parent(reply!) == messageId)
            {
                return reply;
            }
        }

        return null;
    }

    /// <summary>Collects the IOPub messages caused by a request, up to and including its <c>status: idle</c>.</summary>
    /// <param name="messageId">The request's msg_id.</param>
    /// <param name="timeout">How long to wait for the idle status.</param>
    /// <returns>The messages in the order they were published.</returns>
    public List<JupyterMessage> IOPubUntilIdle(string messageId, TimeSpan timeout)
    {
        var collected = _iopubBacklog.Where(m => Parent(m) == messageId).ToList();
        _iopubBacklog.RemoveAll(m => Parent(m) == messageId);
        if (collected.Any(IsIdle))
        {
            return collected;
        }

        DateTime until = DateTime.UtcNow + timeout;
        var frames = new List<byte[]>();
        while (DateTime.UtcNow < until && IOPub.TryReceiveMultipartBytes(until - DateTime.UtcNow, ref frames))
        {
            Assert.True(WireFormat.TryDecode(frames, _signer, out JupyterMessage? message, out string? error), error);
            if (Parent(message!) != messageId)
            {
                _iopubBacklog.Add(message!);
                continue;
            }

            collected.Add(message!);
            if (IsIdle(message!))
            {
                return collected;
            }
        }

        throw new TimeoutException($"no status: idle for {messageId} within {timeout}; got {string.Join(", ", collected.Select(m => m.MessageType))}");
    }

    /// <summary>Waits for the next IOPub message caused by a request that satisfies a condition.</summary>
    /// <param name="messageId">The request's msg_id.</param>
    /// <param name="match">The condition.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The message; the ones before it are kept for <see cref="IOPubUntilIdle"/>.</returns>
    public JupyterMessage WaitForIOPub(string messageId, Func<JupyterMessage, bool> match, TimeSpan timeout)
    {
        DateTime until = DateTime.UtcNow + timeout;
        var frames = new List<byte[]>();
        while (DateTime.UtcNow < until && IOPub.TryReceiveMultipartBytes(until - DateTime.UtcNow, ref frames))
        {
            Assert.True(WireFormat.TryDecode(frames, _signer, out JupyterMessage? message, out string? error), error);
            _iopubBacklog.Add(message!);
            if (Parent(message!) == messageId && match(message!))
            {
                return message!;
            }
        }

        throw new TimeoutException($"no matching IOPub message for {messageId} within {timeout}");
    }

    /// <summary>
    /// Waits until the kernel answers on shell and its IOPub messages reach this client (a SUB socket misses what
    /// is published before its subscription arrives), as jupyter_client's wait_for_ready does.
    /// </summary>
    /// <param name="timeout">How long to keep trying.</param>
    /// <returns>The first kernel_info_reply.</returns>
    public JupyterMessage WaitUntilReady(TimeSpan timeout)
    {
        DateTime until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            string id = Send(Shell, "kernel_info_request", []);
            JupyterMessage? reply = Reply(Shell, id, TimeSpan.FromSeconds(1));
            if (reply is null)
            {
                continue;
            }

            try
            {
                IOPubUntilIdle(id, TimeSpan.FromSeconds(1));
                return reply;
            }
            catch (TimeoutException)
            {
                // Subscribed too late for this one: ask again.
            }
        }

        throw new TimeoutException($"the kernel did not become ready within {timeout}");
    }

    /// <summary>Runs code and collects the reply and the IOPub messages it caused.</summary>
    /// <param name="code">The code.</param>
    /// <param name="silent">Jupyter's <c>silent</c>.</param>
    /// <param name="storeHistory">Jupyter's <c>store_history</c>.</param>
    /// <param name="timeout">How long to wait; null for 60 s.</param>
    /// <returns>The reply and the IOPub messages, busy to idle.</returns>
    public (JupyterMessage Reply, List<JupyterMessage> IOPub) Execute(string code, bool silent = false, bool storeHistory = true, TimeSpan? timeout = null)
    {
        TimeSpan wait = timeout ?? TimeSpan.FromSeconds(60);
        string id = Send(Shell, "execute_request", ExecuteContent(code, silent, storeHistory));
        JupyterMessage reply = Reply(Shell, id, wait) ?? throw new TimeoutException($"no execute_reply for {code} within {wait}");
        return (reply, IOPubUntilIdle(id, wait));
    }

    /// <summary>The content of an execute_request.</summary>
    /// <param name="code">The code.</param>
    /// <param name="silent">Jupyter's <c>silent</c>.</param>
    /// <param name="storeHistory">Jupyter's <c>store_history</c>.</param>
    /// <returns>The content.</returns>
    public static JsonObject ExecuteContent(string code, bool silent = false, bool storeHistory = true) => new()
    {
        ["code"] = code,
        ["silent"] = silent,
        ["store_history"] = storeHistory,
        ["user_expressions"] = new JsonObject(),
        ["allow_stdin"] = false,
        ["stop_on_error"] = true,
    };

    /// <summary>Sends a ping to the heartbeat and waits for the echo.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The echoed text, or null on timeout.</returns>
    public string? Ping(TimeSpan timeout)
    {
        Heartbeat.SendFrame(Encoding.ASCII.GetBytes("ping"));
        return Heartbeat.TryReceiveFrameBytes(timeout, out byte[]? echo) ? Encoding.ASCII.GetString(echo!) : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Shell.Dispose();
        Control.Dispose();
        IOPub.Dispose();
        Heartbeat.Dispose();
    }

    /// <summary>The msg_id of a message's parent.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The parent's id, or an empty string.</returns>
    public static string Parent(JupyterMessage message) =>
        message.ParentHeader["msg_id"] is JsonValue value && value.TryGetValue(out string? id) ? id : string.Empty;

    private static bool IsIdle(JupyterMessage message) =>
        message.MessageType == "status" && message.ContentString("execution_state") == "idle";

    private DealerSocket Dealer(int port)
    {
        var socket = new DealerSocket();
        socket.Options.Linger = TimeSpan.Zero;
        socket.Options.Identity = Encoding.ASCII.GetBytes(Guid.NewGuid().ToString("N"));
        socket.Connect(Endpoint(port));
        return socket;
    }

    private string Endpoint(int port) => $"tcp://{Connection.IP}:{port}";
}
