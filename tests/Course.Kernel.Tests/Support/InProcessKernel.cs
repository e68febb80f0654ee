using Course.Kernel.Protocol;
using Course.Kernel.Server;

namespace Course.Kernel.Tests.Support;

/// <summary>A <see cref="KernelServer"/> running on a thread of the test process, with a connected client.</summary>
public sealed class InProcessKernel : IDisposable
{
    private readonly KernelServer _server;
    private readonly Thread _thread;
    private readonly StringWriter _log = new();
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Starts a kernel and waits until it answers.</summary>
    /// <param name="baseDirectory">The kernel's folder for relative <c>#r</c>; null for the current folder.</param>
    public InProcessKernel(string? baseDirectory = null)
    {
        Connection = TestKernelClient.NewConnection();
        _server = new KernelServer(Connection, TextWriter.Synchronized(_log), baseDirectory);
        _thread = new Thread(() => ExitCode = _server.Run(_stop.Token)) { IsBackground = true, Name = "test kernel" };
        _thread.Start();
        Client = new TestKernelClient(Connection);
        Client.WaitUntilReady(TimeSpan.FromSeconds(30));
    }

    /// <summary>The connection.</summary>
    public ConnectionInfo Connection { get; }

    /// <summary>A client connected to the kernel.</summary>
    public TestKernelClient Client { get; }

    /// <summary>The server.</summary>
    public KernelServer Server => _server;

    /// <summary>What <see cref="KernelServer.Run"/> returned, once it has.</summary>
    public int? ExitCode { get; private set; }

    /// <summary>What the kernel logged.</summary>
    public string Log => _log.ToString();

    /// <summary>Waits for <see cref="KernelServer.Run"/> to return.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>Whether it returned.</returns>
    public bool WaitForExit(TimeSpan timeout) => _thread.Join(timeout);

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join(TimeSpan.FromSeconds(10));
        Client.Dispose();
        _server.Dispose();
        _stop.Dispose();
    }
}
