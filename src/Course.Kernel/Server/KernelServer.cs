using System.Text.Json.Nodes;
using Course.Kernel.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace Course.Kernel.Server;

/// <summary>
/// A Jupyter kernel (messaging protocol 5.3) for C#, on the kit's notebook engine: binds the five sockets of a
/// connection file and serves requests until a <c>shutdown_request</c>.
/// </summary>
/// <remarks>
/// <para>Threads: the shell channel (ROUTER) is served by the thread that calls <see cref="Run"/>, one request at a
/// time, as Jupyter expects; the control channel (ROUTER: interrupt, shutdown, kernel info) and the heartbeat (REP
/// echo) have threads of their own, so they answer while a cell runs; IOPub (PUB) has a sending thread fed by a
/// queue, because outputs come from the cell's threads. The stdin channel is bound but never asked for input.</para>
/// <para>Every request is answered between <c>status: busy</c> and <c>status: idle</c> on IOPub, with the request as
/// parent. After a failed cell with <c>stop_on_error</c>, execute requests already queued are answered
/// <c>aborted</c> without running, as ipykernel does, so "Run all" stops at the first error.</para>
/// </remarks>
public sealed class KernelServer : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly ConnectionInfo _connection;
    private readonly TextWriter _log;
    private readonly MessageSigner _signer;
    private readonly string _session = Guid.NewGuid().ToString("N");
    private readonly CSharpKernel _kernel;
    private readonly CancellationTokenSource _shutdown = new();
    private bool _disposed;

    /// <summary>Creates a kernel for a connection; nothing is bound until <see cref="Run"/>.</summary>
    /// <param name="connection">The connection file's contents.</param>
    /// <param name="log">Where the kernel reports problems (Jupyter shows a kernel's stderr in its log).</param>
    /// <param name="baseDirectory">The folder relative <c>#r</c> paths start from; null for the current folder, where Jupyter starts a kernel (the notebook's folder).</param>
    public KernelServer(ConnectionInfo connection, TextWriter log, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(log);
        _connection = connection;
        _log = log;
        _signer = new MessageSigner(connection.Key);
        _kernel = new CSharpKernel(Path.GetFullPath(baseDirectory ?? Directory.GetCurrentDirectory()));
    }

    /// <summary>Whether a <c>shutdown_request</c> arrived (its <c>restart</c> flag is in <see cref="RestartRequested"/>).</summary>
    public bool ShutdownRequested => _shutdown.IsCancellationRequested;

    /// <summary>Whether the shutdown asked for a restart; the client starts the new process.</summary>
    public bool RestartRequested { get; private set; }

    /// <summary>Cancels the running cell, as an <c>interrupt_request</c> does (for SIGINT).</summary>
    public void Interrupt() => _kernel.Interrupt();

    /// <summary>Binds the sockets and serves requests until <c>shutdown_request</c> or <paramref name="cancellationToken"/>.</summary>
    /// <param name="cancellationToken">Stops the kernel as a shutdown would (e.g. on SIGTERM).</param>
    /// <returns>0, the process's exit code.</returns>
    public int Run(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using CancellationTokenRegistration stopOnCancel = cancellationToken.Register(() => _shutdown.Cancel());
        using var iopub = new IOPubPublisher(_connection.Endpoint(_connection.IOPubPort), _signer, _session);
        using var heartbeat = new Heartbeat(_connection.Endpoint(_connection.HeartbeatPort));
        using var shell = Router(_connection.ShellPort);
        using var stdin = Router(_connection.StdinPort);
        using var control = Router(_connection.ControlPort);
        iopub.Status("starting", null);

        var controlThread = new Thread(() => ControlLoop(control, iopub)) { IsBackground = true, Name = "control" };
        controlThread.Start();
        try
        {
            ShellLoop(shell, iopub);
        }
        finally
        {
            _shutdown.Cancel();
            _kernel.Interrupt();
            controlThread.Join(TimeSpan.FromSeconds(2));
        }

        return 0;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _kernel.Dispose();
        _shutdown.Dispose();
    }

    private RouterSocket Router(int port)
    {
        var socket = new RouterSocket();
        socket.Options.Linger = TimeSpan.FromSeconds(1);
        socket.Bind(_connection.Endpoint(port));
        return socket;
    }

    private void ShellLoop(RouterSocket shell, IOPubPublisher iopub)
    {
        var frames = new List<byte[]>();
        while (!_shutdown.IsCancellationRequested)
        {
            if (!shell.TryReceiveMultipartBytes(PollInterval, ref frames))
            {
                continue;
            }

            if (Decode(frames, "shell") is not JupyterMessage request)
            {
                continue;
            }

            var queued = new List<JupyterMessage>();
            HandleShell(shell, iopub, request, aborting: false, queued);

            // Execute requests that were already waiting when a cell failed (with stop_on_error) are answered
            // "aborted" without running; other requests among them are served normally.
            foreach (JupyterMessage waiting in queued)
            {
                HandleShell(shell, iopub, waiting, aborting: true, queued: null);
            }
        }
    }

    /// <summary>
    /// Takes the requests already waiting on the shell socket. Called after a cell failed and before its reply is
    /// sent, so a front end cannot have sent any of them in answer to the failure.
    /// </summary>
    private void TakeWaiting(RouterSocket shell, List<JupyterMessage> waiting)
    {
        var frames = new List<byte[]>();
        while (shell.TryReceiveMultipartBytes(TimeSpan.Zero, ref frames))
        {
            if (Decode(frames, "shell") is JupyterMessage message)
            {
                waiting.Add(message);
            }
        }
    }

    /// <summary>Serves one shell request between busy and idle.</summary>
    /// <param name="shell">The shell socket.</param>
    /// <param name="iopub">The IOPub channel.</param>
    /// <param name="request">The request.</param>
    /// <param name="aborting">Whether execute requests are answered <c>aborted</c> instead of run.</param>
    /// <param name="queued">Where to put the requests waiting behind an execution that failed with <c>stop_on_error</c>; null not to take them.</param>
    private void HandleShell(RouterSocket shell, IOPubPublisher iopub, JupyterMessage request, bool aborting, List<JupyterMessage>? queued)
    {
        iopub.Status("busy", request);
        try
        {
            JsonObject? reply;
            switch (request.MessageType)
            {
                case "execute_request" when aborting:
                    reply = new JsonObject { ["status"] = "aborted", ["execution_count"] = _kernel.ExecutionCount };
                    break;
                case "execute_request":
                    reply = _kernel.ExecuteAsync(request, (type, content) => iopub.Publish(type, content, request)).GetAwaiter().GetResult();
                    if (queued is not null && reply["status"]?.GetValue<string>() != "ok" && request.ContentBool("stop_on_error", true))
                    {
                        TakeWaiting(shell, queued);
                    }

                    break;
                case "kernel_info_request":
                    reply = CSharpKernel.KernelInfo();
                    break;
                case "complete_request":
                    reply = _kernel.CompleteAsync(request).GetAwaiter().GetResult();
                    break;
                case "inspect_request":
                    reply = _kernel.InspectAsync(request).GetAwaiter().GetResult();
                    break;
                case "is_complete_request":
                    reply = CSharpKernel.IsComplete(request);
                    break;
                case "history_request":
                    reply = _kernel.History(request);
                    break;
                case "comm_info_request":
                    reply = new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() };
                    break;
                case "connect_request":
                    reply = ConnectReply();
                    break;
                case "comm_open":
                    // No comm targets exist here: tell the front end the comm is closed, as ipykernel does.
                    iopub.Publish("comm_close", new JsonObject { ["comm_id"] = request.ContentString("comm_id"), ["data"] = new JsonObject() }, request);
                    reply = null;
                    break;
                case "shutdown_request":
                    reply = Shutdown(request, iopub);
                    break;
                case "comm_msg" or "comm_close":
                    reply = null;
                    break;
                default:
                    _log.WriteLine($"course kernel: ignoring unsupported shell message '{request.MessageType}'");
                    reply = null;
                    break;
            }

            if (reply is not null)
            {
                Send(shell, request, ReplyType(request.MessageType), reply);
            }

            if (request.MessageType == "kernel_info_request")
            {
                _kernel.WarmUp();
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // A bug in a handler must not take the kernel down: answer with the error.
            _log.WriteLine($"course kernel: {request.MessageType} failed: {error}");
            Send(shell, request, ReplyType(request.MessageType), new JsonObject
            {
                ["status"] = "error",
                ["ename"] = error.GetType().Name,
                ["evalue"] = error.Message,
                ["traceback"] = new JsonArray(),
            });
        }
        finally
        {
            iopub.Status("idle", request);
        }
    }

    private void ControlLoop(RouterSocket control, IOPubPublisher iopub)
    {
        var frames = new List<byte[]>();
        while (!_shutdown.IsCancellationRequested)
        {
            try
            {
                if (!control.TryReceiveMultipartBytes(PollInterval, ref frames) || Decode(frames, "control") is not JupyterMessage request)
                {
                    continue;
                }

                iopub.Status("busy", request);
                JsonObject? reply = request.MessageType switch
                {
                    "interrupt_request" => Interrupted(),
                    "shutdown_request" => Shutdown(request, iopub),
                    "kernel_info_request" => CSharpKernel.KernelInfo(),
                    _ => null,
                };
                if (reply is null)
                {
                    _log.WriteLine($"course kernel: ignoring unsupported control message '{request.MessageType}'");
                }
                else
                {
                    Send(control, request, ReplyType(request.MessageType), reply);
                }

                iopub.Status("idle", request);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                _log.WriteLine($"course kernel: control channel: {error}");
            }
        }
    }

    private JsonObject Interrupted()
    {
        _kernel.Interrupt();
        return new JsonObject { ["status"] = "ok" };
    }

    private JsonObject Shutdown(JupyterMessage request, IOPubPublisher iopub)
    {
        bool restart = request.ContentBool("restart", false);
        RestartRequested = restart;
        var reply = new JsonObject { ["status"] = "ok", ["restart"] = restart };

        // Protocol 5.4 also broadcasts the reply, so every front end learns the kernel is going away.
        iopub.Publish("shutdown_reply", (JsonObject)reply.DeepClone(), request);
        _kernel.Interrupt();
        _shutdown.Cancel();
        return reply;
    }

    private JsonObject ConnectReply() => new()
    {
        ["status"] = "ok",
        ["shell_port"] = _connection.ShellPort,
        ["iopub_port"] = _connection.IOPubPort,
        ["stdin_port"] = _connection.StdinPort,
        ["hb_port"] = _connection.HeartbeatPort,
        ["control_port"] = _connection.ControlPort,
    };

    private void Send(RouterSocket socket, JupyterMessage request, string type, JsonObject content)
    {
        var metadata = new JsonObject();
        if (content["status"] is JsonValue status)
        {
            metadata["status"] = status.DeepClone();
        }

        JupyterMessage reply = JupyterMessage.Create(type, content, _session, request, request.Identities, metadata);
        socket.SendMultipartBytes(WireFormat.Encode(reply, _signer));
    }

    private JupyterMessage? Decode(List<byte[]> frames, string channel)
    {
        if (WireFormat.TryDecode(frames, _signer, out JupyterMessage? message, out string? error))
        {
            return message;
        }

        _log.WriteLine($"course kernel: dropped a message on the {channel} channel: {error}");
        return null;
    }

    private static string ReplyType(string requestType) =>
        requestType.EndsWith("_request", StringComparison.Ordinal) ? requestType[..^"_request".Length] + "_reply" : requestType + "_reply";
}
