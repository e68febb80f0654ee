using System.Text.Json.Nodes;
using Course.Autograder.Boundary;
using Course.Specs.Core;
using TinyTorch;

namespace Course.Boundary.Tests;

public sealed class RemoteWorldTests
{
    [Fact]
    public void A_timed_drain_reads_the_runners_summaries()
    {
        var payload = new Payload();
        var (offset, count) = payload.Add([1f, 2f]);
        var outputs = new JsonArray(new JsonArray(new JsonObject
        {
            ["shape"] = new JsonArray(2), ["digest"] = "00000000000000ff", ["o"] = offset, ["n"] = count,
        }));

        TimedRun run = Drain(new BoundaryReply(new JsonObject { ["outputs"] = outputs }, payload.ToMemory()));

        var summary = Assert.Single(Assert.Single(run.Outputs));
        Assert.Equal([2], summary.Shape);
        Assert.Equal(0xffUL, summary.Digest);
        Assert.Equal([1f, 2f], summary.Values!);
    }

    [Fact]
    public void More_batches_than_the_limit_are_refused()
    {
        var outputs = new JsonArray(Enumerable.Range(0, RemoteWorld.MaxOutputs + 1).Select(_ => (JsonNode?)new JsonArray()).ToArray());

        var error = Assert.Throws<BoundaryProtocolException>(() => Drain(new JsonObject { ["outputs"] = outputs }.Reply()));

        Assert.Contains($"{RemoteWorld.MaxOutputs:N0}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"outputs\":5}")]
    [InlineData("{\"outputs\":[5]}")]
    [InlineData("{\"outputs\":[[5]]}")]
    [InlineData("{\"outputs\":[[{\"shape\":[-1],\"digest\":\"0000000000000000\"}]]}")]
    [InlineData("{\"outputs\":[[{\"shape\":[1,1,1,1,1,1,1,1,1],\"digest\":\"0000000000000000\"}]]}")]
    [InlineData("{\"outputs\":[[{\"shape\":[2],\"digest\":\"xyz\"}]]}")]
    [InlineData("{\"outputs\":[[{\"shape\":[2],\"digest\":\"+000000000000000\"}]]}")]
    [InlineData("{\"outputs\":[[{\"shape\":[2],\"digest\":\"0000000000000000\",\"o\":0,\"n\":3}]]}")]
    [InlineData("{\"outputs\":[[{\"shape\":[2],\"digest\":\"0000000000000000\",\"o\":4,\"n\":2}]]}")]
    [InlineData("{\"outputs\":[[{\"shape\":[2],\"digest\":\"0000000000000000\",\"o\":-8,\"n\":2}]]}")]
    [InlineData("{\"outputs\":[[{\"shape\":[5000],\"digest\":\"0000000000000000\",\"o\":0,\"n\":5000}]]}")]
    [InlineData("{\"outputs\":[[{\"shape\":[65536,65536],\"digest\":\"0000000000000000\",\"o\":0,\"n\":0}]]}")]
    public void A_malformed_report_of_timed_work_is_refused(string json)
    {
        var payload = new Payload();
        payload.Add([1f, 2f]);

        Assert.Throws<BoundaryProtocolException>(() => Drain(new BoundaryReply((JsonObject)JsonNode.Parse(json)!, payload.ToMemory())));
    }

    [Fact]
    public void Batches_after_the_first_are_timed_in_a_call_of_their_own_after_a_collection_and_the_epoch_is_closed()
    {
        var calls = new List<string>();
        BoundaryReply Runner(BoundaryCall call)
        {
            lock (calls)
            {
                calls.Add(call.Operation + (call.Operation == "enumerator.take" ? $" {call.Body["count"]} {call.Body["stepRounds"]}" : ""));
            }

            return call.Operation switch
            {
                "enumerable.begin" => new JsonObject { ["enumerator"] = new JsonObject { ["ref"] = 7, ["owner"] = "runner", ["kind"] = "enumerator" } }.Reply(),
                "enumerator.take" => new JsonObject { ["outputs"] = new JsonArray(Enumerable.Range(0, Json.Int(call.Body, "count")).Select(_ => (JsonNode?)new JsonArray()).ToArray()) }.Reply(),
                _ => BoundaryReply.Empty,
            };
        }

        TimedRun run = WithFakeRunner(Runner, (world, batches) => world.DrainAfterFirst(batches, 5, stepRounds: 300));

        Assert.Equal(6, run.Outputs.Count);
        Assert.Equal(["enumerable.begin", "enumerator.take 1 0", "gc.collect", "enumerator.take 5 300", "enumerator.close"], calls);
    }

    [Fact]
    public void An_epoch_whose_timed_batches_fail_is_still_closed()
    {
        var calls = new List<string>();
        BoundaryReply Runner(BoundaryCall call)
        {
            lock (calls)
            {
                calls.Add(call.Operation);
            }

            return call.Operation switch
            {
                "enumerable.begin" => new JsonObject { ["enumerator"] = new JsonObject { ["ref"] = 7, ["owner"] = "runner", ["kind"] = "enumerator" } }.Reply(),
                "enumerator.take" => new JsonObject { ["outputs"] = 5 }.Reply(),
                _ => BoundaryReply.Empty,
            };
        }

        Assert.Throws<BoundaryProtocolException>(() => WithFakeRunner(Runner, (world, batches) => world.DrainAfterFirst(batches, 5, stepRounds: 0)));

        Assert.Equal(["enumerable.begin", "enumerator.take", "enumerator.close"], calls);
    }

    [Theory]
    [InlineData(0, 0, "count")]
    [InlineData(100_001, 0, "count")]
    [InlineData(1, -1, "stepRounds")]
    [InlineData(1, 1_000_001, "stepRounds")]
    public void Timing_batches_after_the_first_refuses_counts_out_of_range(int count, int stepRounds, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WithFakeRunner(_ => BoundaryReply.Empty, (world, batches) => world.DrainAfterFirst(batches, count, stepRounds)));

        Assert.Equal(name, error.ParamName);
        Assert.StartsWith($"{name} ('{(name == "count" ? count : stepRounds)}') must be", error.Message, StringComparison.Ordinal);
    }

    private static TimedRun WithFakeRunner(Func<BoundaryCall, BoundaryReply> runner, Func<RemoteWorld, IEnumerable<IReadOnlyList<Tensor>>, TimedRun> use)
    {
        var parent = new ObjectHost("parent", "runner");
        using var pair = new ChannelPair(_ => BoundaryReply.Empty, runner);
        parent.Channel = pair.Parent;
        var world = new RemoteWorld(parent, new ProcessTreeMeter(Environment.ProcessId), Path.GetTempPath());
        var batches = parent.ReadRef<IEnumerable<IReadOnlyList<Tensor>>>(new JsonObject { ["ref"] = 1, ["owner"] = "runner", ["kind"] = "tensors" });
        return Within.Run(() => use(world, batches));
    }

    // Drains a sequence of the runner's through a fake runner that answers with the reply given.
    private static TimedRun Drain(BoundaryReply answer) =>
        WithFakeRunner(call => call.Operation == "enumerable.drain" ? answer : BoundaryReply.Empty, (world, batches) => world.Drain(batches));
}
