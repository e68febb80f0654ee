using System.Diagnostics;
using System.Text.Json.Nodes;
using Course.Autograder;
using Course.Autograder.Boundary;
using Course.Autograder.Preparation;
using Course.Grading.Results;
using Course.Grading.Running;

namespace Course.Boundary.Tests;

/// <summary>
/// The parent's grading against a runner process that does not play by the rules: the runner is a shell that writes
/// what the test prepared to its standard output and then sleeps, never reading what the parent sends.
/// </summary>
public sealed class HostileRunnerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("boundary-tests-").FullName;

    [Fact]
    public async Task A_runner_that_stops_answering_is_left_when_grading_is_stopped()
    {
        // The report, then silence: the parent's first call after a check (releasing its handles) is never answered.
        byte[] ready = Frames(new Frame(1, FrameKind.Call, "ready", 0, new JsonObject { ["cells"] = new JsonArray(), ["exercises"] = new JsonArray() }, ReadOnlyMemory<byte>.Empty));
        using var stop = new CancellationTokenSource();

        var (result, _, alive) = await Grade(ready, stop, stopAfter: TimeSpan.FromSeconds(2));

        Assert.True(alive, "The runner should still run: only the boundary's closing can have ended the wait.");
        Assert.Contains(result.Checks, c => c.Message.Contains("grading ended early", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_runner_that_writes_garbage_ends_its_grading_early_though_it_lives_on()
    {
        using var stop = new CancellationTokenSource();

        var (result, session, _) = await Grade("Hello, parent! I am not a frame.\n"u8.ToArray(), stop, stopAfter: null);

        Assert.True(session.RunnerEndedEarly);
        Assert.All(result.Checks, c => Assert.Contains("grading ended early", c.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_runner_whose_report_is_larger_than_a_frame_ends_its_grading_early()
    {
        byte[] oversized = [.. WireBytes.Length(FrameCodec.MaxFrameBytes + 1), .. new byte[1000]];
        using var stop = new CancellationTokenSource();

        var (result, session, _) = await Grade(oversized, stop, stopAfter: null);

        Assert.True(session.RunnerEndedEarly);
        Assert.All(result.Checks, c => Assert.Contains("grading ended early", c.Message, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(SubmissionResult Result, GradingSession Session, bool RunnerAlive)> Grade(byte[] output, CancellationTokenSource stop, TimeSpan? stopAfter)
    {
        string said = Path.Combine(_folder, "said.bin");
        await File.WriteAllBytesAsync(said, output);
        var start = new ProcessStartInfo("sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("cat \"$1\"; exec sleep 600");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(said);
        using var process = Process.Start(start)!;
        try
        {
            var session = new GradingSession(process, "student", _folder, stop.Token);
            var prepared = new PreparedSubmission("student", [], new Dictionary<string, string>());
            if (stopAfter is { } after)
            {
                stop.CancelAfter(after);
            }

            Task<SubmissionResult> grading = RemoteGrader.GradeAsync(session, prepared, new GraderOptions { CheckTimeoutScale = 0.01 });
            Task first = await Task.WhenAny(grading, Task.Delay(Within.Limit + (stopAfter ?? TimeSpan.Zero)));
            Assert.True(first == grading, "Grading did not end once the boundary was closed.");
            return (await grading, session, !process.HasExited);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static byte[] Frames(params Frame[] frames)
    {
        using var bytes = new MemoryStream();
        foreach (Frame frame in frames)
        {
            FrameCodec.Write(bytes, frame);
        }

        return bytes.ToArray();
    }
}
