using System.Runtime.InteropServices;
using Course.Kernel.Protocol;

namespace Course.Kernel.Server;

/// <summary>
/// The kernel process's entry point (<c>course kernel start --connection-file FILE</c>): reads the connection file,
/// serves until shutdown, and turns signals into kernel actions: SIGINT interrupts the running cell (as
/// <c>interrupt_request</c> does; Ctrl+C in the terminal that runs Jupyter must not kill the kernel), also when the
/// kernel was started with SIGINT ignored (<see cref="InheritedSignals"/>); SIGTERM shuts the kernel down.
/// <c>Console.ReadLine()</c> in a cell returns null: the kernel asks front ends for no input.
/// </summary>
public static class KernelHost
{
    /// <summary>The exit code when the kernel shut down normally.</summary>
    public const int ExitOk = 0;

    /// <summary>The exit code when the connection file is missing or invalid.</summary>
    public const int ExitBadConnectionFile = 2;

    /// <summary>The exit code when a socket could not be bound (a port in use).</summary>
    public const int ExitCannotBind = 3;

    /// <summary>Runs a kernel until it is shut down.</summary>
    /// <param name="connectionFile">The connection file Jupyter wrote.</param>
    /// <param name="log">Where problems are reported (the kernel's stderr).</param>
    /// <returns>The process's exit code.</returns>
    public static int Run(string connectionFile, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(connectionFile);
        ArgumentNullException.ThrowIfNull(log);
        ConnectionInfo connection;
        try
        {
            connection = ConnectionInfo.Load(connectionFile);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException)
        {
            log.WriteLine($"course kernel: cannot read the connection file: {error.Message}");
            return ExitBadConnectionFile;
        }

        // Jupyter gives a kernel no terminal: a cell that reads the console gets end of input at once rather
        // than waiting forever (this kernel makes no input_request).
        Console.SetIn(TextReader.Null);
        using var server = new KernelServer(connection, log);
        using var terminate = new CancellationTokenSource();
        bool reclaimed = InheritedSignals.ReclaimInterrupt();
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
        {
            signal.Cancel = true;
            server.Interrupt();
        });
        using PosixSignalRegistration stop = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            terminate.Cancel();
        });
        InheritedSignals.KeepIgnoredUnlessCaught(reclaimed);
        if (InheritedSignals.InterruptIgnored())
        {
            log.WriteLine("course kernel: SIGINT is ignored in this process (inherited); interrupt cells with interrupt_request instead");
        }

        try
        {
            return server.Run(terminate.Token);
        }
        catch (NetMQ.NetMQException error)
        {
            log.WriteLine($"course kernel: cannot bind the kernel's sockets on {connection.IP}: {error.Message}");
            return ExitCannotBind;
        }
        finally
        {
            // NetMQ's context is process-wide: end it only here, where the process ends.
            NetMQ.NetMQConfig.Cleanup(block: false);
        }
    }
}
