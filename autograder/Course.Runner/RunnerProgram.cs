using System.Text.Json.Nodes;
using System.Globalization;
using Course.Boundary;
using Course.Specs.Core;

namespace Course.Runner;

/// <summary>
/// <c>course-runner PREPARED WORK</c>: runs the prepared notebooks with the check cells recording, then serves the
/// parent's exercise operations on standard input and output until the parent closes them.
/// </summary>
public static class RunnerProgram
{
    /// <summary>The exit code of a runner whose command line or prepared folder was wrong.</summary>
    public const int ExitBadInput = 2;

    /// <summary>Runs the runner.</summary>
    /// <param name="args">PREPARED (the prepared notebooks and the runner manifest) and WORK (where they run; its lib/ holds the libraries they load).</param>
    /// <param name="log">Where the runner's own messages and the student's stray console output go (the parent keeps the head and tail).</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(log);
        if (args.Length != 2 || args.Any(a => a is "-h" or "--help" or "-?"))
        {
            await log.WriteLineAsync("Usage: course-runner PREPARED WORK\n  Runs the prepared notebooks of one submission (as course grade prepares them) and serves the grading parent on stdin/stdout.").ConfigureAwait(false);
            return ExitBadInput;
        }

        RunnerManifest manifest;
        try
        {
            manifest = RunnerManifest.Read(args[0]);
        }
        catch (InvalidDataException error)
        {
            await log.WriteLineAsync($"course-runner: {error.Message}").ConfigureAwait(false);
            return ExitBadInput;
        }

        // The protocol owns the real standard output; console text outside a cell goes to the log instead.
        Stream protocolOut = Console.OpenStandardOutput();
        Stream protocolIn = Console.OpenStandardInput();
        Console.SetOut(log);
        var host = new ObjectHost("runner", "parent");
        var service = new RunnerService(host);
        using var channel = new BoundaryChannel(protocolIn, protocolOut, service.Serve, "the grading parent");
        host.Channel = channel;
        channel.Start();
        WithheldForwarder.Install(host);

        // Each cell is announced as it starts, so that a submission stopped at its time limit is told where it was.
        IReadOnlyList<CellFacts> facts = await NotebookPass.RunAsync(args[0], manifest, args[1], (notebook, cell) =>
        {
            try
            {
                host.Call("progress", new JsonObject { ["notebook"] = notebook, ["cell"] = cell });
            }
            catch (BoundaryProtocolException)
            {
                // The parent is gone; the notebooks' end finds out too.
            }
        }).ConfigureAwait(false);
        service.Recorded = SubmissionRecorder.Recorded;
        try
        {
            host.Call("ready", NotebookPass.Describe(facts, service.Recorded));
            service.WaitUntilClosed(channel);
        }
        catch (BoundaryProtocolException error)
        {
            await log.WriteLineAsync($"course-runner: {error.Message}").ConfigureAwait(false);
        }

        await log.FlushAsync().ConfigureAwait(false);
        // Threads the student's code left behind must not keep the process alive.
        Environment.Exit(0);
        return 0;
    }

    /// <summary>Seconds as the runner prints them.</summary>
    /// <param name="seconds">A duration.</param>
    /// <returns>The text.</returns>
    internal static string Seconds(double seconds) => seconds.ToString("0.#", CultureInfo.InvariantCulture);
}
