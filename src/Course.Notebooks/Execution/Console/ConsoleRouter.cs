using System.Text;
using Course.Notebooks.Model;

namespace Course.Notebooks.Execution.Console;

/// <summary>
/// Stands in for <see cref="System.Console.Out"/> and <see cref="System.Console.Error"/>: text written by a
/// running cell goes to that cell's outputs, everything else (the CLI's own progress, a test runner) to the
/// real console. Console redirection is process-wide, so routing per logical thread is the only way
/// several sessions can capture safely at once.
/// </summary>
internal sealed class ConsoleRouter : TextWriter
{
    private static readonly object InstallGate = new();
    private static TextWriter? _installedOut;
    private static TextWriter? _installedError;

    private readonly TextWriter _fallback;
    private readonly string _streamName;

    private ConsoleRouter(TextWriter fallback, string streamName)
    {
        _fallback = fallback;
        _streamName = streamName;
    }

    /// <inheritdoc />
    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>
    /// Makes sure the routers are the console's writers. Called before every cell, because a cell (or any
    /// other code) may have replaced <see cref="System.Console.Out"/> since.
    /// </summary>
    public static void EnsureInstalled()
    {
        lock (InstallGate)
        {
            if (!ReferenceEquals(System.Console.Out, _installedOut))
            {
                System.Console.SetOut(new ConsoleRouter(System.Console.Out, Output.StandardOutput));
                _installedOut = System.Console.Out;
            }

            if (!ReferenceEquals(System.Console.Error, _installedError))
            {
                System.Console.SetError(new ConsoleRouter(System.Console.Error, Output.StandardError));
                _installedError = System.Console.Error;
            }
        }
    }

    /// <inheritdoc />
    public override void Write(char value) => Route(value.ToString());

    /// <inheritdoc />
    public override void Write(string? value)
    {
        if (value is not null)
        {
            Route(value);
        }
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Route(new string(buffer, index, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<char> buffer) => Route(new string(buffer));

    /// <inheritdoc />
    public override void WriteLine(string? value) => Route((value ?? string.Empty) + NewLine);

    /// <inheritdoc />
    public override void WriteLine(ReadOnlySpan<char> buffer) => Route(new string(buffer) + NewLine);

    /// <inheritdoc />
    public override void Flush()
    {
        if (CellExecutionContext.Current is null)
        {
            _fallback.Flush();
        }
    }

    private void Route(string text)
    {
        CellExecutionContext? context = CellExecutionContext.Current;
        if (context is null)
        {
            _fallback.Write(text);
            return;
        }

        // A finished cell's leftover background work (e.g. after a timeout) is dropped rather than
        // interleaved with the host's own output.
        context.WriteStream(_streamName, text);
    }
}
