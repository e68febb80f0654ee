using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Course.Boundary.Tests;

public sealed class BoundaryChannelTests
{
    [Fact]
    public void A_call_gets_the_reply_the_other_side_gave()
    {
        using var pair = new ChannelPair(Unexpected, call => new BoundaryReply(
            new JsonObject { ["echo"] = Json.String(call.Body, "text"), ["op"] = call.Operation },
            call.Payload.ToArray().Reverse().ToArray()));
        var payload = new Payload();
        payload.Add([1f, 2f]);

        BoundaryReply reply = Within.Run(() => pair.Parent.Call("echo", new JsonObject { ["text"] = "hello" }, payload));

        Assert.Equal("hello", Json.String(reply.Body, "echo"));
        Assert.Equal("echo", Json.String(reply.Body, "op"));
        Assert.Equal(payload.ToMemory().ToArray().Reverse(), reply.Payload.ToArray());
    }

    [Fact]
    public void Each_side_counts_the_frames_it_read_from_the_other()
    {
        using var pair = new ChannelPair(Unexpected, call => new BoundaryReply(new JsonObject { ["n"] = Json.Int(call.Body, "n") }, default));
        Assert.Equal(0, pair.Parent.FramesReceived);

        for (int n = 0; n < 3; n++)
        {
            Within.Run(() => pair.Parent.Call("echo", new JsonObject { ["n"] = n }));
        }

        // Three replies read by the parent, three calls read by the runner.
        Assert.Equal(3, pair.Parent.FramesReceived);
        Assert.Equal(3, pair.Runner.FramesReceived);
    }

    [Fact]
    public void Calls_from_several_threads_each_get_their_own_reply()
    {
        using var pair = new ChannelPair(Unexpected, call =>
        {
            // Replies come back out of order: the slow ones are overtaken.
            int n = Json.Int(call.Body, "n");
            Thread.Sleep(n % 3);
            return new BoundaryReply(new JsonObject { ["n"] = n }, BitConverter.GetBytes(n));
        });

        var threads = Enumerable.Range(0, 8).Select(t => Within.Start(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                int n = (t * 1000) + i;
                BoundaryReply reply = pair.Parent.Call("n", new JsonObject { ["n"] = n });
                Assert.Equal(n, Json.Int(reply.Body, "n"));
                Assert.Equal(n, BitConverter.ToInt32(reply.Payload.Span));
            }

            return true;
        })).ToArray();

        Within.Wait(threads);
    }

    [Fact]
    public void Both_sides_can_call_at_once()
    {
        using var pair = new ChannelPair(
            call => new JsonObject { ["side"] = "parent" }.Reply(),
            call => new JsonObject { ["side"] = "runner" }.Reply());

        var fromParent = Within.Start(() => Enumerable.Range(0, 100).Select(_ => Json.String(pair.Parent.Call("side", []).Body, "side")).Distinct().Single());
        var fromRunner = Within.Start(() => Enumerable.Range(0, 100).Select(_ => Json.String(pair.Runner.Call("side", []).Body, "side")).Distinct().Single());

        Assert.Equal("runner", Within.Result(fromParent));
        Assert.Equal("parent", Within.Result(fromRunner));
    }

    [Fact]
    public void A_callback_runs_on_the_thread_that_waits_for_the_call_it_serves()
    {
        int servedOn = -1;
        BoundaryChannel? runner = null;
        using var pair = new ChannelPair(
            call =>
            {
                servedOn = Environment.CurrentManagedThreadId;
                return BoundaryReply.Empty;
            },
            call => runner!.Call("back", []));
        runner = pair.Runner;

        int calledOn = Within.Run(() =>
        {
            pair.Parent.Call("outer", []);
            return Environment.CurrentManagedThreadId;
        });

        Assert.Equal(calledOn, servedOn);
    }

    [Fact]
    public void Callbacks_nest_several_deep_each_side_on_one_thread()
    {
        var parentThreads = new ConcurrentBag<int>();
        var runnerThreads = new ConcurrentBag<int>();
        var channels = new BoundaryChannel[2];
        Func<BoundaryCall, BoundaryReply> Ping(int side, ConcurrentBag<int> threads) => call =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            int n = Json.Int(call.Body, "n");
            int deepest = n == 0 ? 0 : Json.Int(channels[side].Call("ping", new JsonObject { ["n"] = n - 1 }).Body, "deepest");
            return new JsonObject { ["deepest"] = Math.Max(deepest, n) }.Reply();
        };
        using var pair = new ChannelPair(Ping(0, parentThreads), Ping(1, runnerThreads));
        channels[0] = pair.Parent;
        channels[1] = pair.Runner;

        var (deepest, caller) = Within.Run(() => (Json.Int(pair.Parent.Call("ping", new JsonObject { ["n"] = 9 }).Body, "deepest"), Environment.CurrentManagedThreadId));

        Assert.Equal(9, deepest);
        // The runner serves 9, 7, 5, 3 and 1; the parent 8, 6, 4, 2 and 0.
        Assert.Equal(5, runnerThreads.Count);
        Assert.Equal(5, parentThreads.Count);
        Assert.Equal([caller], parentThreads.Distinct());
        Assert.Single(runnerThreads.Distinct());
    }

    [Fact]
    public void A_call_from_a_thread_of_the_callee_that_serves_nothing_runs_on_a_worker()
    {
        int servedOn = -1;
        BoundaryChannel? runner = null;
        using var pair = new ChannelPair(
            call =>
            {
                servedOn = Environment.CurrentManagedThreadId;
                return BoundaryReply.Empty;
            },
            call =>
            {
                // A prefetcher's thread of the student's: not the thread serving the parent's call.
                Within.Run(() => runner!.Call("from a thread of its own", []));
                return BoundaryReply.Empty;
            });
        runner = pair.Runner;

        int calledOn = Within.Run(() =>
        {
            pair.Parent.Call("start", []);
            return Environment.CurrentManagedThreadId;
        });

        Assert.NotEqual(-1, servedOn);
        Assert.NotEqual(calledOn, servedOn);
    }

    [Fact]
    public void A_handlers_exception_arrives_as_a_remote_exception_with_its_description()
    {
        using var pair = new ChannelPair(Unexpected, call => throw new ArgumentException("bad argument", new KeyNotFoundException("no such key")));

        var error = Within.Throws<BoundaryRemoteException>(() => pair.Parent.Call("throw", []));

        Assert.Equal("bad argument", error.Message);
        Assert.Equal("System.ArgumentException", ExceptionCodec.TypesOf(error.Description)[0]);
        var rebuilt = Assert.IsType<ArgumentException>(ExceptionCodec.Rebuild(error.Description));
        Assert.Equal("bad argument", rebuilt.Message);
        Assert.Equal("no such key", Assert.IsType<KeyNotFoundException>(rebuilt.InnerException).Message);
        Assert.Null(pair.Parent.Closed);
    }

    [Fact]
    public void A_failed_call_leaves_the_channel_open_for_the_next()
    {
        using var pair = new ChannelPair(Unexpected, call => call.Operation == "fail" ? throw new InvalidOperationException("no") : BoundaryReply.Empty);

        Within.Throws<BoundaryRemoteException>(() => pair.Parent.Call("fail", []));

        Assert.Empty(Within.Run(() => pair.Parent.Call("ok", [])).Body);
    }

    [Fact]
    public void A_handler_whose_exception_cannot_say_its_message_still_fails_the_call()
    {
        using var pair = new ChannelPair(Unexpected, call => call.Operation == "throw" ? throw new UnreadableException() : BoundaryReply.Empty);

        var error = Within.Throws<BoundaryRemoteException>(() => pair.Parent.Call("throw", []));

        Assert.Contains("InvalidOperationException", ExceptionCodec.TypesOf(error.Description)[1], StringComparison.Ordinal);
        Assert.Null(pair.Runner.Closed);
        Assert.Empty(Within.Run(() => pair.Parent.Call("again", [])).Body);
    }

    [Fact]
    public void A_reply_too_large_for_a_frame_fails_the_call_and_the_channel_stays_open()
    {
        using var pair = new ChannelPair(Unexpected, call => call.Operation == "huge"
            ? new JsonObject { ["s"] = new string('x', FrameCodec.MaxJsonBytes) }.Reply()
            : BoundaryReply.Empty);

        var error = Within.Throws<BoundaryRemoteException>(() => pair.Parent.Call("huge", []));

        Assert.Contains("larger than the boundary allows", error.Message, StringComparison.Ordinal);
        Assert.Null(pair.Runner.Closed);
        Assert.Empty(Within.Run(() => pair.Parent.Call("small", [])).Body);
    }

    [Fact]
    public void When_the_peer_closes_the_stream_every_waiting_call_and_every_later_call_throws_naming_why()
    {
        using var peer = new RawPeer();
        var waiting = Enumerable.Range(0, 3).Select(_ => Within.Start(() => peer.Channel.Call("wait", []))).ToArray();
        for (int i = 0; i < waiting.Length; i++)
        {
            Assert.Equal(FrameKind.Call, peer.Receive()!.Kind);
        }

        peer.CloseToChannel();

        foreach (var call in waiting)
        {
            Assert.Contains("The test peer closed the channel", Within.Ended<BoundaryProtocolException>(call).Message, StringComparison.Ordinal);
        }

        Within.Wait(peer.Channel.Completion);
        Assert.IsType<BoundaryProtocolException>(peer.Channel.Closed);
        var later = Assert.Throws<BoundaryProtocolException>(() => peer.Channel.Call("later", []));
        Assert.Contains("The test peer closed the channel", later.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_from_the_peer_ends_the_channel_naming_what_was_wrong()
    {
        using var peer = new RawPeer();
        var waiting = Within.Start(() => peer.Channel.Call("wait", []));
        peer.Receive();

        peer.SendBytes("Hello from Console.Write!\n"u8.ToArray());

        var error = Within.Ended<BoundaryProtocolException>(waiting);
        Assert.Contains("declared", error.Message, StringComparison.Ordinal);
        Assert.Same(peer.Channel.Closed, Assert.Throws<BoundaryProtocolException>(() => peer.Channel.Call("later", [])));
    }

    [Fact]
    public void A_malformed_frame_from_the_peer_ends_the_channel_naming_what_was_wrong()
    {
        using var peer = new RawPeer();
        var waiting = Within.Start(() => peer.Channel.Call("wait", []));
        peer.Receive();

        peer.SendBytes(WireBytes.WithJson("{\"a\":1,\"a\":2}"));

        Assert.Contains("twice", Within.Ended<BoundaryProtocolException>(waiting).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_for_an_id_no_call_waits_for_is_ignored()
    {
        using var peer = new RawPeer();
        var waiting = Within.Start(() => peer.Channel.Call("wait", []));
        Frame call = peer.Receive()!;

        peer.Send(new Frame(call.Id + 1000, FrameKind.Result, string.Empty, 0, new JsonObject { ["who"] = "stray" }, ReadOnlyMemory<byte>.Empty));
        peer.Send(new Frame(-1, FrameKind.Failure, string.Empty, 0, [], ReadOnlyMemory<byte>.Empty));
        peer.Answer(call, new JsonObject { ["who"] = "right" });

        Assert.Equal("right", Json.String(Within.Result(waiting).Body, "who"));
        Assert.Null(peer.Channel.Closed);
    }

    [Fact]
    public void A_second_reply_to_the_same_call_is_ignored()
    {
        using var peer = new RawPeer();
        var first = Within.Start(() => peer.Channel.Call("first", []));
        Frame call = peer.Receive()!;
        peer.Answer(call, new JsonObject { ["n"] = 1 });
        peer.Answer(call, new JsonObject { ["n"] = 2 });
        Assert.Equal(1, Json.Int(Within.Result(first).Body, "n"));

        var second = Within.Start(() => peer.Channel.Call("second", []));
        peer.Answer(peer.Receive()!, new JsonObject { ["n"] = 3 });

        Assert.Equal(3, Json.Int(Within.Result(second).Body, "n"));
    }

    [Fact]
    public void The_peers_call_is_answered_with_its_own_id()
    {
        using var peer = new RawPeer(call => new JsonObject { ["got"] = call.Operation }.Reply());

        peer.Send(new Frame(77, FrameKind.Call, "hello", 0, [], ReadOnlyMemory<byte>.Empty));
        Frame reply = Within.Run(() => peer.Receive()!);

        Assert.Equal(77, reply.Id);
        Assert.Equal(FrameKind.Result, reply.Kind);
        Assert.Equal("hello", Json.String(reply.Body, "got"));
    }

    [Fact]
    public void Dispose_ends_every_waiting_call()
    {
        var peer = new RawPeer();
        var waiting = Enumerable.Range(0, 3).Select(_ => Within.Start(() => peer.Channel.Call("wait", []))).ToArray();
        for (int i = 0; i < waiting.Length; i++)
        {
            peer.Receive();
        }

        peer.Channel.Dispose();

        foreach (var call in waiting)
        {
            Assert.Contains("was closed", Within.Ended<BoundaryProtocolException>(call).Message, StringComparison.Ordinal);
        }

        Assert.Throws<BoundaryProtocolException>(() => peer.Channel.Call("later", []));
        Assert.True(peer.Channel.Completion.IsCompleted);
        peer.Dispose();
    }

    [Fact]
    public void Dispose_ends_a_call_that_waits_while_serving_a_callback_of_the_peer()
    {
        var entered = new ManualResetEventSlim();
        var ended = new TaskCompletionSource<Exception>();
        BoundaryChannel? parent = null;
        using var peer = new RawPeer(call =>
        {
            entered.Set();
            try
            {
                return parent!.Call("never answered", []);
            }
            catch (Exception error)
            {
                ended.SetResult(error);
                throw;
            }
        });
        parent = peer.Channel;
        peer.Send(new Frame(5, FrameKind.Call, "serve me", 0, [], ReadOnlyMemory<byte>.Empty));
        Assert.True(entered.Wait(Within.Limit));
        Assert.Equal("never answered", Within.Run(() => peer.Receive()!).Operation);

        peer.Channel.Dispose();

        // The thread serving the peer is not left waiting for an answer that can no longer come.
        Assert.IsType<BoundaryProtocolException>(Within.Result(ended.Task));
    }

    [Fact]
    public void Dispose_ends_a_call_queued_behind_a_write_the_peer_does_not_read()
    {
        using var peer = new RawPeer();
        // More than a pipe holds: this write blocks, holding the channel's write gate, as long as nobody reads.
        var blocked = Within.Start(() => peer.Channel.Call("big", new JsonObject { ["s"] = new string('x', 1 << 20) }));
        Thread.Sleep(300);
        Assert.False(blocked.IsCompleted, "The write should block on a full pipe.");
        var queued = Within.Start(() => peer.Channel.Call("small", []));

        peer.Channel.Dispose();

        Assert.Contains("was closed", Within.Ended<BoundaryProtocolException>(queued).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_to_a_peer_that_stopped_reading_throws_a_protocol_exception()
    {
        using var peer = new RawPeer();
        peer.CloseFromChannel();

        var error = Within.Throws<BoundaryProtocolException>(() => peer.Channel.Call("anyone", new JsonObject { ["big"] = new string('x', 1 << 20) }));

        Assert.Contains("the test peer", error.Message, StringComparison.Ordinal);
        Assert.NotNull(peer.Channel.Closed);
        Assert.Throws<BoundaryProtocolException>(() => peer.Channel.Call("later", []));
    }

    [Fact]
    public void An_input_that_fails_in_an_unexpected_way_ends_the_channel_and_not_the_process()
    {
        using var channel = new BoundaryChannel(new FailingStream(), Stream.Null, _ => BoundaryReply.Empty, "the test peer");
        channel.Start();

        Within.Wait(channel.Completion);

        Assert.Contains("not for you", Assert.IsType<BoundaryProtocolException>(channel.Closed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calls_beyond_the_limit_at_once_are_refused_and_those_within_it_are_served()
    {
        var gate = new ManualResetEventSlim();
        int entered = 0;
        using var peer = new RawPeer(call =>
        {
            Interlocked.Increment(ref entered);
            gate.Wait();
            return BoundaryReply.Empty;
        });

        for (int id = 1; id <= BoundaryChannel.MaxConcurrentCalls; id++)
        {
            peer.Send(new Frame(id, FrameKind.Call, "block", 0, [], ReadOnlyMemory<byte>.Empty));
        }

        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref entered) == BoundaryChannel.MaxConcurrentCalls, Within.Limit));
        peer.Send(new Frame(10_000, FrameKind.Call, "one too many", 0, [], ReadOnlyMemory<byte>.Empty));

        Frame refused = Within.Run(() => peer.Receive()!);
        Assert.Equal(10_000, refused.Id);
        Assert.Equal(FrameKind.Failure, refused.Kind);
        Assert.Contains($"{BoundaryChannel.MaxConcurrentCalls} calls at once", ExceptionCodec.MessageOf(refused.Body), StringComparison.Ordinal);

        gate.Set();
        var answered = Enumerable.Range(0, BoundaryChannel.MaxConcurrentCalls).Select(_ => Within.Run(() => peer.Receive()!)).ToList();
        Assert.All(answered, frame => Assert.Equal(FrameKind.Result, frame.Kind));
        Assert.Equal(Enumerable.Range(1, BoundaryChannel.MaxConcurrentCalls).Select(i => (long)i), answered.Select(f => f.Id).Order());
        Assert.Equal(BoundaryChannel.MaxConcurrentCalls, entered);
    }

    [Fact]
    public void Workers_are_reused_once_their_calls_are_done()
    {
        var threads = new ConcurrentBag<int>();
        using var peer = new RawPeer(call =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            return BoundaryReply.Empty;
        });

        for (int id = 1; id <= 50; id++)
        {
            peer.Send(new Frame(id, FrameKind.Call, "quick", 0, [], ReadOnlyMemory<byte>.Empty));
            Within.Run(() => peer.Receive());
        }

        // One worker, or a few: a call may come while the worker that answered the last is not yet back waiting.
        Assert.InRange(threads.Distinct().Count(), 1, 5);
    }

    private static BoundaryReply Unexpected(BoundaryCall call) => throw new InvalidOperationException($"Unexpected call of {call.Operation}.");

    private sealed class FailingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new UnauthorizedAccessException("This stream is not for you.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class UnreadableException : InvalidOperationException
    {
        public override string Message => throw new NotSupportedException("This message cannot be read.");
    }
}
