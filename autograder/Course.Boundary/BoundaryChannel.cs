using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Course.Boundary;

/// <summary>
/// One end of the boundary: calls the other side and serves its calls, concurrently, over a pair of streams.
/// </summary>
/// <remarks>
/// <para><b>Callbacks run where they would in one process.</b> A call made while serving a call of the other side
/// names it as its origin; the side that made that call runs the callback on the very thread that waits for it.
/// So a student's loader that reads the parent's dataset inside <c>MoveNext</c> makes the parent's check thread
/// serve the read, as an in-process call would, and a background thread of the student's (a prefetcher) is served
/// by a thread of its own.</para>
/// <para><b>A peer that breaks the protocol or goes away</b> ends the channel: every waiting call throws a
/// <see cref="BoundaryProtocolException"/> naming why, and so does every later one. That covers a malformed frame,
/// the end of the stream, a stream that fails to read or to write, and anything else the reader meets: nothing the
/// peer sends can throw on a thread of this side's.</para>
/// <para><b>What is ignored:</b> a result or failure for an id no call waits for (one never made, or already
/// answered). It harms no call that waits, and a peer able to send it could as well answer wrongly; ignoring it keeps
/// the rule simple: only a frame that cannot be read ends the channel.</para>
/// <para><b>Limits:</b> at most <see cref="MaxConcurrentCalls"/> of the peer's calls are served at once, each on a
/// thread of its own (callbacks run on the waiting threads and are not counted); a call beyond that is answered at
/// once with a failure. A reply that breaks a frame limit (see <see cref="FrameCodec"/>) is answered with a failure
/// saying so, and the channel stays open.</para>
/// <para><see cref="Dispose"/> ends the channel as the peer's leaving does, but does not close the streams (the
/// channel does not own them): the reader thread ends when the input does.</para>
/// </remarks>
public sealed class BoundaryChannel : IDisposable
{
    /// <summary>The most of the other side's calls served at once (each holds a thread); further ones fail at once.</summary>
    public const int MaxConcurrentCalls = 64;

    [ThreadStatic]
    private static Stack<long>? t_serving;

    private readonly Stream _input;
    private readonly Stream _output;
    private readonly Func<BoundaryCall, BoundaryReply> _handler;
    private readonly string _peer;
    private static readonly TimeSpan WriteGatePoll = TimeSpan.FromMilliseconds(100);

    private readonly Lock _writeGate = new();
    private readonly ConcurrentDictionary<long, Mailbox<Frame?>> _pending = new();
    private readonly Mailbox<Action> _work = new();
    private readonly Thread _reader;
    private long _nextId;
    private long _framesReceived;
    private int _idleWorkers;
    private int _busyWorkers;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Exception? _closed;

    /// <summary>Creates the channel; call <see cref="Start"/> to begin serving.</summary>
    /// <param name="input">Frames from the other side.</param>
    /// <param name="output">Frames to the other side.</param>
    /// <param name="handler">Serves the other side's calls; an exception becomes a failure frame.</param>
    /// <param name="peer">What the other side is called in messages (<c>the grading runner</c>).</param>
    public BoundaryChannel(Stream input, Stream output, Func<BoundaryCall, BoundaryReply> handler, string peer)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(handler);
        _input = input;
        _output = output;
        _handler = handler;
        _peer = peer;
        _reader = new Thread(ReadFrames) { IsBackground = true, Name = $"boundary reader ({peer})" };
    }

    /// <summary>Why the channel ended, or null while it is open.</summary>
    public Exception? Closed => _closed;

    /// <summary>
    /// The frames read from the other side so far: its answers and its own calls. A count that moves shows the other
    /// side at work, however little CPU time each frame costs it (a check that calls a transform thousands of times).
    /// </summary>
    public long FramesReceived => Interlocked.Read(ref _framesReceived);

    /// <summary>Completes when the channel ends.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Starts reading the other side's frames.</summary>
    public void Start() => _reader.Start();

    /// <summary>Calls an operation on the other side and waits for its answer, serving its callbacks meanwhile.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="body">Its arguments.</param>
    /// <param name="payload">Binary data they refer to; null for none.</param>
    /// <returns>The result.</returns>
    /// <exception cref="BoundaryRemoteException">The operation failed on the other side.</exception>
    /// <exception cref="BoundaryProtocolException">
    /// The channel ended (before or while the call waited), or the call's frame breaks a limit of
    /// <see cref="FrameCodec"/> (then it was not sent, and the channel stays open).
    /// </exception>
    public BoundaryReply Call(string operation, JsonObject body, Payload? payload = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentNullException.ThrowIfNull(body);
        ThrowIfClosed();
        long id = Interlocked.Increment(ref _nextId);
        var inbox = new Mailbox<Frame?>();
        _pending[id] = inbox;
        try
        {
            long origin = t_serving is { Count: > 0 } serving ? serving.Peek() : 0;
            Send(new Frame(id, FrameKind.Call, operation, origin, body, payload?.ToMemory() ?? ReadOnlyMemory<byte>.Empty));
            while (true)
            {
                if (!inbox.TryTake(out Frame? frame) || frame is null)
                {
                    ThrowIfClosed();
                    throw new BoundaryProtocolException($"The channel to {_peer} closed.");
                }

                switch (frame.Kind)
                {
                    case FrameKind.Result:
                        return new BoundaryReply(frame.Body, frame.Payload);
                    case FrameKind.Failure:
                        throw new BoundaryRemoteException(frame.Body);
                    default:
                        Serve(frame);
                        break;
                }
            }
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Ends the channel: every waiting call and every later one throws; the streams are left open.</summary>
    public void Dispose()
    {
        Close(new BoundaryProtocolException($"The channel to {_peer} was closed."));
        _work.Complete();
    }

    private void ReadFrames()
    {
        try
        {
            while (_closed is null && Read() is { } frame)
            {
                Interlocked.Increment(ref _framesReceived);
                if (frame.Kind == FrameKind.Call)
                {
                    if (frame.Origin != 0 && _pending.TryGetValue(frame.Origin, out var waiter))
                    {
                        waiter.Add(frame);
                    }
                    else if (Interlocked.Increment(ref _busyWorkers) > MaxConcurrentCalls)
                    {
                        Interlocked.Decrement(ref _busyWorkers);
                        Refuse(frame);
                    }
                    else
                    {
                        Dispatch(() =>
                        {
                            try
                            {
                                Serve(frame);
                            }
                            finally
                            {
                                Interlocked.Decrement(ref _busyWorkers);
                            }
                        });
                    }
                }
                else if (_pending.TryGetValue(frame.Id, out var inbox))
                {
                    inbox.Add(frame);
                }
            }

            Close(new BoundaryProtocolException($"{Capitalised(_peer)} closed the channel."));
        }
        catch (BoundaryProtocolException error)
        {
            Close(error);
        }
        catch (Exception error)
        {
            // Whatever the reader meets ends the channel; it must never end the process (an unhandled exception on
            // this thread would take the grading parent down with one runner).
            Close(new BoundaryProtocolException($"The channel to {_peer} failed: {error.Message}", error));
        }
    }

    // Answered from the reader's thread, which is then not reading: a peer that does not read its input while it
    // floods this side with calls only stops its own channel.
    private void Refuse(Frame call)
    {
        var refusal = new BoundaryProtocolException(
            $"The grading boundary serves at most {MaxConcurrentCalls} calls at once from {_peer}; this one came while that many were being served.");
        TrySend(new Frame(call.Id, FrameKind.Failure, string.Empty, 0, ExceptionCodec.Describe(refusal), ReadOnlyMemory<byte>.Empty));
    }

    private Frame? Read() => FrameCodec.Read(_input);

    // Never throws: it runs on workers and on threads waiting in Call, where an exception would be the peer's doing.
    private void Serve(Frame call)
    {
        t_serving ??= new Stack<long>();
        t_serving.Push(call.Id);
        Frame answer;
        try
        {
            BoundaryReply reply = _handler(new BoundaryCall(call.Operation, call.Body, call.Payload))
                ?? throw new InvalidOperationException($"The handler of '{call.Operation}' returned no reply.");
            answer = new Frame(call.Id, FrameKind.Result, string.Empty, 0, reply.Body, reply.Payload);
        }
        catch (Exception error)
        {
            answer = Failure(call.Id, error);
        }
        finally
        {
            t_serving.Pop();
        }

        if (TrySend(answer) is { } refused && _closed is null)
        {
            // The answer breaks a frame limit (a reply too large or too deep): the caller is told so, rather than
            // left waiting for an answer that will never come.
            TrySend(Failure(call.Id, new BoundaryProtocolException($"The answer to a call could not be sent: {refused.Message}", refused)));
        }
    }

    private static Frame Failure(long id, Exception error) =>
        new(id, FrameKind.Failure, string.Empty, 0, ExceptionCodec.Describe(error), ReadOnlyMemory<byte>.Empty);

    // Sends a frame; null when it was sent, else why not (the channel is closed, or the frame breaks a limit).
    private BoundaryProtocolException? TrySend(Frame frame)
    {
        try
        {
            Send(frame);
            return null;
        }
        catch (BoundaryProtocolException error)
        {
            return error;
        }
    }

    // A frame that breaks a limit is refused before a byte is written (the channel stays open); a stream that fails
    // ends the channel, since a frame may be cut in the middle and the peer is gone or not reading.
    private void Send(Frame frame)
    {
        // A write blocks while the peer does not read (a full pipe) and holds the gate meanwhile: the threads queued
        // behind it look up now and then, so that closing the channel ends their wait too. (The blocked write itself
        // ends only when the pipe does.)
        while (!_writeGate.TryEnter(WriteGatePoll))
        {
            ThrowIfClosed();
        }

        try
        {
            ThrowIfClosed();
            FrameCodec.Write(_output, frame);
        }
        catch (Exception error) when (error is not BoundaryProtocolException)
        {
            Close(new BoundaryProtocolException($"Could not write to {_peer}: {error.Message}", error));
            ThrowIfClosed();
            throw;
        }
        finally
        {
            _writeGate.Exit();
        }
    }

    // Calls that are not callbacks of a waiting call run on workers of their own (they may block, calling back),
    // started as needed and reused while idle.
    private void Dispatch(Action work)
    {
        if (Interlocked.Decrement(ref _idleWorkers) < 0)
        {
            Interlocked.Increment(ref _idleWorkers);
            new Thread(Work) { IsBackground = true, Name = $"boundary worker ({_peer})" }.Start();
        }

        // Once closed, nobody is left to answer: the work is dropped.
        _work.Add(work);
    }

    private void Work()
    {
        while (_work.TryTake(out Action work))
        {
            work();
            Interlocked.Increment(ref _idleWorkers);
        }
    }

    private void Close(Exception reason)
    {
        if (Interlocked.CompareExchange(ref _closed, reason, null) is not null)
        {
            return;
        }

        _completion.TrySetResult();

        foreach (var inbox in _pending.Values)
        {
            inbox.Add(null);
        }
    }

    private void ThrowIfClosed()
    {
        if (_closed is { } reason)
        {
            throw reason as BoundaryProtocolException ?? new BoundaryProtocolException(reason.Message, reason);
        }
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
