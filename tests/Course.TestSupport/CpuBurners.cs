using System.Diagnostics;

namespace Course.TestSupport;

/// <summary>
/// Processes that keep CPUs busy while something else is measured: the load an instructor's busy laptop or a shared CI
/// machine puts beside grading. Each is a shell busy loop, killed when disposed. The grading tests run beside two, as
/// issue #15 asks of a grade, and the benchmark <c>grading-steadiness</c> repeats that.
/// </summary>
public sealed class CpuBurners : IDisposable
{
    /// <summary>How many run beside grading in the tests and, by default, in the benchmark: a busy 2-core machine.</summary>
    public const int BesideGrading = 2;

    private readonly List<Process> _processes = [];

    /// <summary>Starts <paramref name="count"/> busy loops.</summary>
    /// <param name="count">How many.</param>
    public CpuBurners(int count)
    {
        for (int i = 0; i < count; i++)
        {
            var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("while :; do :; done");
            _processes.Add(Process.Start(start) ?? throw new InvalidOperationException("/bin/sh did not start."));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var process in _processes)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
        }
    }
}
